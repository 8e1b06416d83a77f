package com.acme.models;

import io.repro4j.junit.DeterministicTraining;
import io.repro4j.junit.TrainingRun;
import ml.dmlc.xgboost4j.java.XGBoostError;

class DirectionBoosterTest {

    @DeterministicTraining(target = "y_dir_10m", runs = 2)
    void directionBoosterIsReproducible(TrainingRun run) throws XGBoostError {
        run.recordPredictions(DirectionBooster.trainAndPredict(run.seed()));
    }
}
