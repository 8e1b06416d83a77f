package io.repro4j.junit.gates;

import io.repro4j.harness.Dataset;
import io.repro4j.harness.Estimator;
import io.repro4j.harness.Library;
import io.repro4j.harness.ProblemKind;
import io.repro4j.junit.DeterministicTraining;
import io.repro4j.junit.TrainingRun;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A small XGBoost training whose {@code max_depth} comes from {@code repro4j.gates.maxDepth}, so one fixture yields
 * two different fingerprints. Run through EngineTestKit by the gate tests only.
 */
public class HyperparameterGateTestCase {

    /** The system property the child reads for {@code max_depth}. */
    public static final String MAX_DEPTH = "repro4j.gates.maxDepth";

    @Test
    @DeterministicTraining(runs = 2, perturb = {})
    void trains(TrainingRun run) {
        int maxDepth = Integer.parseInt(System.getProperty(MAX_DEPTH, "3"));
        Dataset data = GateData.regression();
        run.recordDataset("gates/synthetic", List.of("SYN"), data);
        Estimator estimator = run.createEstimator(Library.XGBOOST,
                Map.of("max_depth", maxDepth, "num_round", 5, "eta", 0.3), ProblemKind.REGRESSION);
        estimator.fit(data);
        run.recordPredictions(estimator.predict(data));
    }
}
