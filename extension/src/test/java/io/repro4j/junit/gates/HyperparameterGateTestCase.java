package io.repro4j.junit.gates;

import io.repro4j.harness.Dataset;
import io.repro4j.harness.Estimator;
import io.repro4j.harness.Library;
import io.repro4j.harness.ProblemKind;
import io.repro4j.harness.config.ConfigLoader;
import io.repro4j.junit.DeterministicTraining;
import io.repro4j.junit.TrainingRun;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A small XGBoost training whose {@code max_depth} is {@code training.max_depth} of the experiment config
 * {@code gates_hparams}, so changing one YAML line moves the fingerprints as a real hyper-parameter change would.
 * Run through EngineTestKit by the gate tests only, with {@code repro4j.configDir} pointing at their config.
 */
public class HyperparameterGateTestCase {

    /** The experiment the fixture reads. */
    public static final String EXPERIMENT = "gates_hparams";

    @Test
    @DeterministicTraining(runs = 2, config = EXPERIMENT)
    void trains(TrainingRun run) {
        int maxDepth = ConfigLoader.fromEnvironment().experiment(EXPERIMENT, true).orElseThrow()
                .get("training.max_depth", Integer.class).orElseThrow();
        Dataset data = GateData.regression();
        run.recordDataset("gates/synthetic", List.of("SYN"), data);
        Estimator estimator = run.createEstimator(Library.XGBOOST,
                Map.of("max_depth", maxDepth, "num_round", 5, "eta", 0.3), ProblemKind.REGRESSION);
        estimator.fit(data);
        run.recordPredictions(estimator.predict(data));
    }
}
