package com.acme.models;

import io.repro4j.harness.Dataset;
import io.repro4j.junit.DeterministicTraining;
import io.repro4j.junit.TrainingRun;
import java.util.List;

/** A real bug a newcomer might have: the seed comes from the clock. repro4j must fail this test. */
class ClockSeedModelTest {

    @DeterministicTraining(target = "fwd_ret_10m")
    void seedFromTheClock(TrainingRun run) {
        Dataset train = ReturnModel.trainingData();
        run.recordDataset("data/interval=5m", List.of("AAPL", "MSFT"), train);
        run.recordPredictions(ReturnModel.trainAndPredict(train, System.nanoTime()));
    }
}
