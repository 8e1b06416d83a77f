package io.repro4j.harness.estimator;

import io.repro4j.harness.fingerprint.PredictionFingerprint;
import io.repro4j.harness.testkit.SyntheticData;
import io.repro4j.harness.Dataset;
import io.repro4j.harness.Estimator;
import io.repro4j.harness.Library;
import io.repro4j.harness.ProblemKind;
import io.repro4j.harness.ReproducibilityConfig;
import java.util.Map;

/**
 * Child-JVM entry point of {@link CrossJvmDeterminismIT}: trains one model per library with bagging on and prints
 * {@code repro4j-probe <library> <model sha256> <predictions sha256>} per model. The argument {@code nanotime} mixes
 * the clock into the seed (the negative control).
 */
public final class DeterminismProbe {
    static final String PREFIX = "repro4j-probe ";

    private DeterminismProbe() {
    }

    public static void main(String[] args) {
        long seed = 42;
        if (args.length > 0 && args[0].equals("nanotime")) {
            seed ^= System.nanoTime();
        }
        StringBuilder out = new StringBuilder();
        for (Library library : Library.values()) {
            Map<String, Object> params = library == Library.XGBOOST
                    ? Map.of("n_estimators", 15, "max_depth", 4, "subsample", 0.7, "colsample_bytree", 0.7)
                    : Map.of("n_estimators", 15, "num_leaves", 15, "bagging_fraction", 0.7, "bagging_freq", 1,
                            "feature_fraction", 0.7);
            Dataset data = SyntheticData.of(ProblemKind.REGRESSION);
            try (Estimator estimator = EstimatorFactory.create(library, params, seed, ProblemKind.REGRESSION,
                    ReproducibilityConfig.defaults())) {
                estimator.fit(data);
                out.append(PREFIX).append(library.modelFamily()).append(' ').append(estimator.modelSha256())
                        .append(' ').append(PredictionFingerprint.float64Sha256(estimator.predict(data))).append('\n');
            }
        }
        // One write after training, so native log lines cannot interleave with a result line.
        System.out.print(out);
        System.out.flush();
    }
}
