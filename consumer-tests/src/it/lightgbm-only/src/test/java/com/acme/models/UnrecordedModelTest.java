package com.acme.models;

import io.repro4j.junit.DeterministicTraining;
import io.repro4j.junit.TrainingRun;

/** A real slip: the native training's model is never recorded, so model_sha256 would say nothing. repro4j fails it. */
class UnrecordedModelTest {

    @DeterministicTraining(target = "fwd_ret_10m")
    void modelNeverRecorded(TrainingRun run) {
        run.recordPredictions(LightGbmReturnModel.trainAndPredictWithoutRecordingTheModel(run.seed()));
    }
}
