package io.repro4j.examples.controls;

import io.repro4j.examples.ExperimentSettings;
import io.repro4j.examples.Trainer;
import io.repro4j.examples.TrainingResult;
import io.repro4j.examples.TrainingTask;
import io.repro4j.harness.Library;
import io.repro4j.junit.DeterministicTraining;
import io.repro4j.junit.TrainingRun;

/**
 * Negative control: a training seed taken from the clock.
 *
 * <p>The bug: the model is trained with {@code System.nanoTime()} as its seed instead of the derived seed
 * ({@code run.seed()}, or {@code Determinism.resolveSeed("training", target, symbol, view)} in production code). The
 * choke point still forces CPU, one thread and deterministic flags, but it uses the seed it is given, and with row
 * subsampling ({@code subsample < 1}) every run draws other rows.
 *
 * <p>Expected verdict: DIFFERS, naming the moved {@code train_seed}/ledger seed and the predictions and model
 * digests. The estimator ledger in each run's {@code snapshot.json} shows the seed each run really used.
 *
 * <p>The fix: derive seeds, never take them from time, and pass them through {@code Determinism.createEstimator}.
 */
class WallClockSeedTestCase {

    @DeterministicTraining(target = "fwd_ret_10m")
    void xgboostSeededFromTheClock(TrainingRun run) {
        ExperimentSettings settings = ExperimentSettings.load("determinism_test");
        Trainer trainer = new Trainer(settings);
        TrainingTask task = TrainingTask.crossSectional(Library.XGBOOST, "fwd_ret_10m");

        TrainingResult result = trainer.train(task, trainer.prepare(task), System.nanoTime()); // BUG: not run.seed()
        run.recordDataset(settings.dataDir(), result.frame().symbols(), result.frame().train());
        run.recordMetrics(result.metrics());
        run.recordPredictions(result.predictions());
    }
}
