package io.repro4j.harness;

import io.repro4j.harness.testkit.SyntheticData;
import io.repro4j.harness.xgboost.DeterministicXGBoost;
import java.nio.file.Path;
import java.util.Map;

/**
 * Runs in a child JVM whose class path lacks one library: trains with the other through every entry point it has,
 * asks for the missing one, and writes a snapshot. Prints {@code key: value} lines for {@link LibraryAbsenceIT}.
 * Arguments: {@code without-xgboost|without-lightgbm <results root>}.
 */
public final class LibraryAbsenceProbe {

    private LibraryAbsenceProbe() {
    }

    public static void main(String[] args) throws Exception {
        boolean withoutXgboost = args[0].equals("without-xgboost");
        Library present = withoutXgboost ? Library.LIGHTGBM : Library.XGBOOST;
        Library missing = withoutXgboost ? Library.XGBOOST : Library.LIGHTGBM;
        System.out.println("missing class loadable: " + loadable(withoutXgboost ? "ml.dmlc.xgboost4j.java.XGBoost"
                : "com.microsoft.ml.lightgbm.lightgbmlib"));
        RunRecorder run = RunRecorder.builder().resultsRoot(Path.of(args[1])).runName("probe").target("fwd_ret_10m")
                .trainSeed(42).build();
        try {
            Determinism.createEstimator(missing, Map.of(), 42, ProblemKind.REGRESSION);
            System.out.println("createEstimator refused: no");
        } catch (Repro4jException e) {
            System.out.println("createEstimator refused: " + e.getMessage());
        }
        try {
            Determinism.nativeTraining(missing, Map.of(), 42);
            System.out.println("nativeTraining refused: no");
        } catch (Repro4jException e) {
            System.out.println("nativeTraining refused: " + e.getMessage());
        }
        Dataset data = SyntheticData.of(ProblemKind.REGRESSION);
        run.recordDataset(SyntheticData.DATA_DIR, SyntheticData.SYMBOLS, 300, data);
        try (Estimator estimator = Determinism.createEstimator(present, Map.of("n_estimators", 5), 42,
                ProblemKind.REGRESSION)) {
            estimator.fit(data);
            run.recordPredictions(estimator.predict(data));
        }
        if (withoutXgboost) {
            NativeTraining training = Determinism.nativeTraining(Library.LIGHTGBM,
                    Map.of("objective", "regression", "num_iterations", 5), 42);
            training.recordLightGbmModel(NativeTrainingIT.trainWithLightGbmlib(data, training.paramString(), 5));
        } else {
            XGBoostNative.train(data);
        }
        System.out.println("cohort: " + run.write());
    }

    private static boolean loadable(String name) {
        try {
            Class.forName(name, false, LibraryAbsenceProbe.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** Kept in its own class: the probe itself must load without XGBoost4J. */
    private static final class XGBoostNative {
        static void train(Dataset data) throws Exception {
            double[] rowMajor = data.toRowMajor();
            float[] x = new float[rowMajor.length];
            float[] y = new float[data.rows()];
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) rowMajor[i];
            }
            for (int r = 0; r < y.length; r++) {
                y[r] = (float) data.label(r);
            }
            ml.dmlc.xgboost4j.java.DMatrix matrix = new ml.dmlc.xgboost4j.java.DMatrix(x, data.rows(), data.columns(),
                    Float.NaN);
            matrix.setLabel(y);
            DeterministicXGBoost.train(matrix, Map.of("max_depth", 3), 5, Map.of(), null, null, 42).dispose();
            matrix.dispose();
        }
    }
}
