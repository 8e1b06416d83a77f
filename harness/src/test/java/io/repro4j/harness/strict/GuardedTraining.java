package io.repro4j.harness.strict;

import io.repro4j.harness.Dataset;
import io.repro4j.harness.Determinism;
import io.repro4j.harness.Estimator;
import io.repro4j.harness.Library;
import io.repro4j.harness.ProblemKind;
import io.repro4j.harness.RunRecorder;
import io.repro4j.harness.testkit.SyntheticData;
import io.repro4j.harness.xgboost.DeterministicXGBoost;
import java.nio.file.Path;
import java.util.Map;

/**
 * Child main of {@link StrictGuardIT}: production code that trains through the choke point and writes a snapshot
 * under {@code args[0]}, exactly as a job started by hand would. Exit 0 trained, 3 refused (message on stderr).
 */
public final class GuardedTraining {
    static final int REFUSED = 3;

    private GuardedTraining() {
    }

    /** Arguments: {@code <results root> [createEstimator|nativeTraining|DeterministicXGBoost]}: the entry point. */
    public static void main(String[] args) throws Exception {
        RunRecorder run = RunRecorder.builder().resultsRoot(Path.of(args[0])).runName("job").target("t").build();
        String entryPoint = args.length > 1 ? args[1] : "createEstimator";
        try {
            switch (entryPoint) {
                case "nativeTraining" -> Determinism.nativeTraining(Library.XGBOOST, Map.of("max_depth", 2), 42)
                        .recordModel(new byte[] {1});
                case "DeterministicXGBoost" -> {
                    Dataset data = SyntheticData.of(ProblemKind.REGRESSION);
                    ml.dmlc.xgboost4j.java.DMatrix matrix = new ml.dmlc.xgboost4j.java.DMatrix(
                            toFloats(data.toRowMajor()), data.rows(), data.columns(), Float.NaN);
                    matrix.setLabel(toFloats(data.labels()));
                    DeterministicXGBoost.train(matrix, Map.of("max_depth", 2), 5, Map.of(), null, null, 42).dispose();
                    matrix.dispose();
                }
                default -> {
                    try (Estimator model = Determinism.createEstimator(Library.XGBOOST, Map.of("n_estimators", 5), 42,
                            ProblemKind.REGRESSION)) {
                        model.fit(SyntheticData.of(ProblemKind.REGRESSION));
                        run.recordPredictions(model.predict(SyntheticData.of(ProblemKind.REGRESSION)));
                    }
                }
            }
        } catch (StrictEnvironmentException e) {
            System.err.println(e.getMessage());
            System.exit(REFUSED);
        }
        System.out.println(run.write());
    }

    private static float[] toFloats(double[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) values[i];
        }
        return out;
    }
}
