package io.repro4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.repro4j.harness.Library;
import io.repro4j.junit.DeterministicTraining;
import io.repro4j.junit.TrainingRun;

/** Ten-minute return models pooled across the whole universe. */
class CrossSectionalReturnModelTest {

    private final ExperimentSettings settings = ExperimentSettings.load("determinism_test");
    private final Trainer trainer = new Trainer(settings);

    @DeterministicTraining(target = "fwd_ret_10m")
    void xgboostPredictsTenMinuteReturns(TrainingRun run) {
        TrainingResult result = trainer.train(TrainingTask.crossSectional(Library.XGBOOST, "fwd_ret_10m"));
        ModelRecords.record(run, settings, result);

        assertThat(result.seed()).isEqualTo(run.seed());
        assertThat(result.frame().symbols()).containsExactlyElementsOf(settings.symbols());
        // The synthetic market mean-reverts over one bar: a working model ranks returns better than chance.
        assertThat((double) result.metrics().get("rank_ic")).isPositive();
    }

    @DeterministicTraining(target = "fwd_ret_10m")
    void lightgbmPredictsTenMinuteReturns(TrainingRun run) {
        TrainingResult result = trainer.train(TrainingTask.crossSectional(Library.LIGHTGBM, "fwd_ret_10m"));
        ModelRecords.record(run, settings, result);

        assertThat(result.seed()).isEqualTo(run.seed());
        assertThat((double) result.metrics().get("rank_ic")).isPositive();
        assertThat(result.featureImportances()).containsOnlyKeys(result.featureNames());
    }
}
