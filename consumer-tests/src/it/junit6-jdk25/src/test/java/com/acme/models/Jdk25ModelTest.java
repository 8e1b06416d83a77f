package com.acme.models;

import io.repro4j.harness.Dataset;
import io.repro4j.junit.DeterministicTraining;
import io.repro4j.junit.TrainingRun;
import java.util.List;

class Jdk25ModelTest {

    @DeterministicTraining(target = "fwd_ret_10m")
    void reproducibleOnJdk25(TrainingRun run) {
        Dataset train = ReturnModel.trainingData();
        run.recordDataset("data/interval=5m", List.of("AAPL"), train);
        run.recordPredictions(ReturnModel.trainAndPredict(train, run.seed()));
    }

    @DeterministicTraining(target = "fwd_ret_10m")
    void clockSeededOnJdk25(TrainingRun run) {
        Dataset train = ReturnModel.trainingData();
        run.recordDataset("data/interval=5m", List.of("AAPL"), train);
        run.recordPredictions(ReturnModel.trainAndPredict(train, System.nanoTime()));
    }
}
