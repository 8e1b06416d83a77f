package com.acme.pipeline;

import io.repro4j.harness.Dataset;
import io.repro4j.harness.Determinism;
import io.repro4j.harness.Estimator;
import io.repro4j.harness.Library;
import io.repro4j.harness.ProblemKind;
import java.util.Map;

/** A nightly training job: trains through the choke point with the derived seed. */
public final class TrainingJob {

    private TrainingJob() {
    }

    public static String train(double[][] features, double[] labels) {
        long seed = Determinism.resolveSeed("training", "fwd_ret_10m", null, "CROSS_SECTIONAL");
        try (Estimator model = Determinism.createEstimator(Library.XGBOOST, Map.of("max_depth", 3), seed,
                ProblemKind.REGRESSION)) {
            model.fit(Dataset.of(features, labels));
            return model.modelSha256();
        }
    }
}
