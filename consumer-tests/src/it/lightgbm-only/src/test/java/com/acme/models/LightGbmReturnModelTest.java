package com.acme.models;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.repro4j.harness.Determinism;
import io.repro4j.harness.Library;
import io.repro4j.harness.ProblemKind;
import io.repro4j.harness.Repro4jException;
import io.repro4j.junit.DeterministicTraining;
import io.repro4j.junit.TrainingRun;
import java.util.Map;

class LightGbmReturnModelTest {

    @DeterministicTraining(target = "fwd_ret_10m")
    void rawLightGbmTrainingIsReproducible(TrainingRun run) {
        run.recordPredictions(LightGbmReturnModel.trainAndPredict(run.seed()));
    }

    /** This project declares no XGBoost4J: asking for it says which dependency to add. */
    @DeterministicTraining(target = "fwd_ret_10m", requireLedger = false, requireRecords = false)
    void xgboostIsRefusedNamingTheDependencyToAdd(TrainingRun run) {
        Repro4jException e = assertThrows(Repro4jException.class, () -> Determinism.createEstimator(Library.XGBOOST,
                Map.of(), run.seed(), ProblemKind.REGRESSION));
        assertTrue(e.getMessage().contains("ml.dmlc:xgboost4j_2.12"), e.getMessage());
    }
}
