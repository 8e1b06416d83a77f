package com.acme.models;

import io.repro4j.junit.DeterministicTraining;
import io.repro4j.junit.TrainingRun;
import java.util.Random;

/** The bug: rows shuffled by an unseeded Random before training. */
class ShuffledRowsModelTest {

    @DeterministicTraining(target = "fwd_ret_10m")
    void rowsShuffledWithoutASeed(TrainingRun run) {
        Training.trainAndRecord(run, new Random());
    }
}
