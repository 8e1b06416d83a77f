package io.repro4j.harness.estimator;

import io.repro4j.harness.Library;
import io.repro4j.harness.Mode;
import io.repro4j.harness.ProblemKind;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * One training entry point call as the ledger recorded it.
 *
 * @param index position in the ledger, from 0
 * @param entryPoint which entry point was called
 * @param library the library
 * @param kind the problem kind; {@code null} on the native path, where the caller names the objective
 * @param mode the mode whose policy was applied
 * @param seed the normalised seed the model trains with
 * @param requestedParams the caller's parameters, exactly as given
 * @param effectiveParams the parameters the library was given
 * @param rewrites every change the policy made, in order
 * @param callSite the first stack frame outside repro4j (class.method:line), for messages
 * @param model the trained model's digest and importances, as far as they are known
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public record LedgerEntry(int index, EntryPoint entryPoint, Library library, ProblemKind kind, Mode mode, long seed,
        Map<String, Object> requestedParams, Map<String, Object> effectiveParams, List<Rewrite> rewrites,
        String callSite, TrainedModel model) {

    /** The training entry points, by the name a user calls them with. */
    @API(status = API.Status.INTERNAL, since = "0.1.0")
    public enum EntryPoint {
        /** {@code Determinism.createEstimator}: repro4j's {@code Estimator} trains. */
        CREATE_ESTIMATOR("Determinism.createEstimator"),
        /** {@code DeterministicXGBoost.train}: XGBoost4J's own {@code XGBoost.train} trains, fingerprinted after it. */
        XGBOOST_TRAIN("DeterministicXGBoost.train"),
        /** {@code Determinism.nativeTraining}: the caller's code trains and records the model. */
        NATIVE_TRAINING("Determinism.nativeTraining"),
        /** {@code DeterministicSpark.xgboostRegressor}: XGBoost4J-Spark trains, fingerprinted by DeterministicSpark.fit. */
        SPARK_XGBOOST_REGRESSOR("DeterministicSpark.xgboostRegressor"),
        /** {@code DeterministicSpark.xgboostClassifier}: XGBoost4J-Spark trains, fingerprinted by DeterministicSpark.fit. */
        SPARK_XGBOOST_CLASSIFIER("DeterministicSpark.xgboostClassifier");

        private final String call;

        EntryPoint(String call) {
            this.call = call;
        }

        /** The call as a user writes it, e.g. {@code Determinism.nativeTraining}; the ledger's {@code entry_point}. */
        public String call() {
            return call;
        }
    }

    /**
     * Why this entry lacks a model digest once the test body has ended, with the call that would record one; {@code
     * null} when it has one, or when it is an estimator (an estimator that was never fitted trained nothing).
     */
    public String missingModel() {
        if (entryPoint == EntryPoint.CREATE_ESTIMATOR || model.modelSha256() != null) {
            return null;
        }
        if (entryPoint == EntryPoint.XGBOOST_TRAIN) {
            return "DeterministicXGBoost.train at " + callSite + " returned no trained booster (XGBoost.train threw)";
        }
        if (entryPoint == EntryPoint.SPARK_XGBOOST_REGRESSOR || entryPoint == EntryPoint.SPARK_XGBOOST_CLASSIFIER) {
            return entryPoint.call() + " at " + callSite + " built an estimator that DeterministicSpark.fit never"
                    + " trained: train it with DeterministicSpark.fit(estimator, data) instead of estimator.fit(data),"
                    + " so model_sha256 covers its booster";
        }
        String record = library == Library.LIGHTGBM
                ? "recordLightGbmModel(modelText) with the text of LGBM_BoosterSaveModelToStringSWIG, or recordModel(bytes)"
                : "recordModel(booster.toByteArray(\"ubj\"))";
        return entryPoint.call() + "(" + library + ", …) at " + callSite + " trained a model that was never recorded:"
                + " call " + record + " on the NativeTraining it returned once the model is trained, so model_sha256"
                + " covers it";
    }
}
