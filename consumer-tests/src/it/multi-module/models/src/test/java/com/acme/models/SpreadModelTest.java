package com.acme.models;

import io.repro4j.junit.DeterministicTraining;
import io.repro4j.junit.TrainingRun;

class SpreadModelTest {

    @DeterministicTraining(target = "fwd_ret_10m")
    void spreadModelIsReproducible(TrainingRun run) {
        Training.trainAndRecord(run, null);
    }
}
