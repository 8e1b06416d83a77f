package com.acme.models;

import io.repro4j.junit.DeterministicTraining;
import io.repro4j.junit.TrainingRun;
import java.util.Random;
import ml.dmlc.xgboost4j.java.XGBoostError;

/** A real bug: the rows are shuffled by an unseeded Random before the DMatrix is built. repro4j must fail it. */
class ShuffledRowsBoosterTest {

    @DeterministicTraining(target = "y_dir_10m", runs = 2)
    void rowsShuffledWithoutASeed(TrainingRun run) throws XGBoostError {
        run.recordPredictions(DirectionBooster.trainAndPredict(run.seed(), new Random()));
    }
}
