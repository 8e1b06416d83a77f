package com.acme.models;

import io.repro4j.harness.Dataset;
import io.repro4j.junit.DeterministicTraining;
import io.repro4j.junit.TrainingRun;
import java.util.List;
import java.util.Map;

class ReturnModelTest {

    @DeterministicTraining(target = "fwd_ret_10m")
    void returnModelIsReproducible(TrainingRun run) {
        Dataset train = ReturnModel.trainingData();
        run.recordDataset("data/interval=5m", List.of("AAPL", "MSFT"), train);
        double[] predictions = ReturnModel.trainAndPredict(train, run.seed());
        run.recordPredictions(predictions);
        double squared = 0;
        for (int i = 0; i < predictions.length; i++) {
            squared += Math.pow(predictions[i] - train.label(i), 2);
        }
        run.recordMetrics(Map.of("rmse", Math.sqrt(squared / predictions.length)));
    }
}
