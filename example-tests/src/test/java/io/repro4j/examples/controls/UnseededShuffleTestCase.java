package io.repro4j.examples.controls;

import io.repro4j.examples.ExperimentSettings;
import io.repro4j.examples.ModelFrame;
import io.repro4j.examples.Trainer;
import io.repro4j.examples.TrainingResult;
import io.repro4j.examples.TrainingTask;
import io.repro4j.harness.Dataset;
import io.repro4j.harness.Library;
import io.repro4j.junit.DeterministicTraining;
import io.repro4j.junit.TrainingRun;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Negative control: training rows shuffled with an unseeded {@link Random}.
 *
 * <p>The bug: "shuffle the training rows so the model does not learn their order" with {@code new Random()}, which
 * seeds itself from the clock and a global counter: every JVM gets another permutation. Gradient boosting with row
 * subsampling ({@code bagging_fraction < 1}) picks rows by position, so the model changes; the dataset digest moves
 * anyway because the rows are in another order.
 *
 * <p>Expected verdict: DIFFERS, with {@code comparison_group.data_sha256} and the predictions digests among the
 * moved fingerprints.
 *
 * <p>The fix: do not shuffle time-ordered data at all, or shuffle with {@code Determinism.random("row-shuffle")} (a
 * generator derived from the configured seed).
 */
class UnseededShuffleTestCase {

    @DeterministicTraining(target = "fwd_ret_10m")
    void lightgbmOnRowsShuffledWithoutASeed(TrainingRun run) {
        ExperimentSettings settings = ExperimentSettings.load("determinism_test");
        Trainer trainer = new Trainer(settings);
        TrainingTask task = TrainingTask.crossSectional(Library.LIGHTGBM, "fwd_ret_10m");
        ModelFrame frame = trainer.prepare(task);

        List<Integer> order = new ArrayList<>();
        for (int r = 0; r < frame.train().rows(); r++) {
            order.add(r);
        }
        Collections.shuffle(order, new Random()); // BUG: unseeded
        double[][] features = new double[order.size()][];
        double[] labels = new double[order.size()];
        List<String> rowIds = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            features[i] = frame.train().row(order.get(i));
            labels[i] = frame.train().label(order.get(i));
            rowIds.add(frame.trainRowIds().get(order.get(i)));
        }
        ModelFrame shuffled = new ModelFrame(frame.symbols(),
                Dataset.of(features, labels, frame.train().featureNames()), rowIds, frame.test(), frame.testRowIds());

        TrainingResult result = trainer.train(task, shuffled, run.seed());
        run.recordDataset(settings.dataDir(), shuffled.symbols(), shuffled.train());
        run.recordMetrics(result.metrics());
        run.recordPredictions(result.predictions());
    }
}
