package io.repro4j.examples.controls;

import io.repro4j.examples.ExperimentSettings;
import io.repro4j.examples.MarketFeature;
import io.repro4j.examples.ModelFrame;
import io.repro4j.examples.Trainer;
import io.repro4j.examples.TrainingResult;
import io.repro4j.examples.TrainingTask;
import io.repro4j.harness.Library;
import io.repro4j.junit.DeterministicTraining;
import io.repro4j.junit.TrainingRun;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;

/**
 * Negative control: feature columns ordered by identity hash.
 *
 * <p>The bug: the selected features are collected in a {@link HashSet}. {@link MarketFeature} is an enum, and an
 * enum's {@code hashCode()} is its identity hash, so the set's iteration order — and with it the column order of
 * the training matrix — depends on identity hashes. HotSpot hands those out from a per-thread generator that starts
 * from the same state in every JVM, so two plain forks agree and the bug hides; in production any difference in what
 * ran before on the thread reshuffles the columns. With column subsampling ({@code colsample_bytree < 1}) the model
 * then sees other columns, and even without it the dataset digest moves.
 *
 * <p>repro4j exposes it with its default perturbation, {@code IDENTITY_HASH}: each later run first consumes a
 * different number of identity hashes on the test thread. Expected verdict: DIFFERS, with
 * {@code comparison_group.data_sha256} (the column order) among the moved fingerprints.
 *
 * <p>The fix: {@code EnumSet.copyOf(selected)} or a {@code List}, never a hash set of objects without a value-based
 * {@code hashCode()}.
 */
class HashSetFeatureOrderTestCase {

    @DeterministicTraining(target = "fwd_ret_10m", runs = 3)
    void xgboostOnFeaturesCollectedInAHashSet(TrainingRun run) {
        ExperimentSettings settings = ExperimentSettings.load("determinism_test");
        Trainer trainer = new Trainer(settings);
        TrainingTask task = TrainingTask.crossSectional(Library.XGBOOST, "fwd_ret_10m");

        Set<MarketFeature> selected = new HashSet<>();
        for (MarketFeature feature : MarketFeature.values()) {
            if (feature != MarketFeature.INTRADAY_POSITION) {
                selected.add(feature);
            }
        }
        ModelFrame frame = trainer.prepare(task, new ArrayList<>(selected)); // BUG: identity-hash order

        TrainingResult result = trainer.train(task, frame, run.seed());
        run.recordDataset(settings.dataDir(), frame.symbols(), frame.train());
        run.recordMetrics(result.metrics());
        run.recordPredictions(result.predictions());
    }
}
