package io.repro4j.harness;

import io.repro4j.harness.estimator.EstimatorFactory;
import io.repro4j.harness.fingerprint.Sha256;
import io.repro4j.harness.lightgbm.LightGbmModelText;
import io.repro4j.harness.lightgbm.LightGbmParams;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A training that the caller's own code runs — raw {@code lightgbmlib} calls, a LightGBM or XGBoost wrapper, a
 * framework repro4j does not know — made deterministic through the choke point: {@link #params()} are the parameters
 * to train with (the mode's policy applied), and the caller records the trained model, whose digest becomes the run's
 * {@code model_sha256}. Returned by {@link Determinism#nativeTraining}.
 *
 * <pre>{@code
 * NativeTraining training = Determinism.nativeTraining(Library.LIGHTGBM,
 *         Map.of("objective", "binary", "num_iterations", 50, "num_threads", 8), seed);
 * String params = training.paramString();      // ... num_threads=1 seed=... deterministic=true ...
 * LGBM_DatasetCreateFromMat(..., params, null, datasetOut);
 * LGBM_BoosterCreate(dataset, params, boosterOut);
 * ... LGBM_BoosterUpdateOneIter once per round ...
 * training.recordLightGbmModel(LGBM_BoosterSaveModelToStringSWIG(booster, 0, -1, 0, 1 << 20, length));
 * }</pre>
 *
 * <p>A {@code @DeterministicTraining} test fails when a native training's model was never recorded. Thread-safe.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class NativeTraining {
    private final Library library;
    private final EstimatorFactory.NativeRun run;

    NativeTraining(Library library, EstimatorFactory.NativeRun run) {
        this.library = library;
        this.run = run;
    }

    /** The library this training uses. */
    public Library library() {
        return library;
    }

    /** The normalised seed the parameters carry. */
    public long seed() {
        return run.policy().seed();
    }

    /**
     * The parameters to train with, under the library's native names, sorted by name: the caller's with aliases
     * mapped and the policy applied (for LightGBM also the derived {@code *_seed} parameters). Unmodifiable.
     */
    public Map<String, Object> params() {
        return run.policy().effectiveParams();
    }

    /**
     * {@link #params()} as LightGBM's parameter text, {@code key=value} separated by spaces, numbers written without
     * locale. It holds the dataset-creation parameters too ({@code data_random_seed}, {@code force_row_wise}, …): pass
     * the same text to {@code LGBM_DatasetCreateFromMat} and {@code LGBM_BoosterCreate}.
     *
     * @throws Repro4jException when a value cannot be written in that form (it contains a space or {@code '='})
     */
    public String paramString() {
        return LightGbmParams.paramString(params());
    }

    /**
     * Records the trained model by its exact bytes (e.g. XGBoost's {@code booster.toByteArray("ubj")}); a later call
     * replaces an earlier one. The bytes should not embed run-only settings such as thread counts.
     */
    public void recordModel(byte[] modelBytes) {
        Objects.requireNonNull(modelBytes, "modelBytes");
        run.model().record(Sha256.hex(modelBytes));
    }

    /**
     * Records a LightGBM model by its text ({@code LGBM_BoosterSaveModelToStringSWIG}), hashed exactly as repro4j's
     * LightGBM estimator hashes its own: the text before {@code end of trees}, since the rest embeds run parameters
     * such as {@code num_threads}.
     *
     * @throws Repro4jException when the text is not a LightGBM model text
     */
    public void recordLightGbmModel(String modelText) {
        Objects.requireNonNull(modelText, "modelText");
        run.model().record(LightGbmModelText.sha256(modelText));
    }

    /** The recorded model's digest, or {@code null} while none was recorded. */
    public String modelSha256() {
        return run.model().modelSha256();
    }

    @Override
    public String toString() {
        return "NativeTraining[" + library + ", seed " + seed() + ", at " + run.entry().callSite() + "]";
    }
}
