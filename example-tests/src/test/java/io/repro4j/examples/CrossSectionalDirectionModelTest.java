package io.repro4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.repro4j.harness.Library;
import io.repro4j.junit.DeterministicTraining;
import io.repro4j.junit.TrainingRun;
import java.util.Arrays;

/** Ten-minute up/down classifiers pooled across the whole universe. */
class CrossSectionalDirectionModelTest {

    private final ExperimentSettings settings = ExperimentSettings.load("determinism_test");
    private final Trainer trainer = new Trainer(settings);

    @DeterministicTraining(target = "y_up_10m")
    void xgboostClassifiesTenMinuteDirection(TrainingRun run) {
        TrainingResult result = trainer.train(TrainingTask.crossSectional(Library.XGBOOST, "y_up_10m"));
        ModelRecords.record(run, settings, result);

        assertThat(result.seed()).isEqualTo(run.seed());
        assertThat(Arrays.stream(result.predictions()).boxed().toList()).allMatch(p -> p >= 0 && p <= 1, "a probability");
        assertThat((double) result.metrics().get("auc")).isGreaterThan(0.5);
    }

    @DeterministicTraining(target = "y_up_10m")
    void lightgbmClassifiesTenMinuteDirection(TrainingRun run) {
        TrainingResult result = trainer.train(TrainingTask.crossSectional(Library.LIGHTGBM, "y_up_10m"));
        ModelRecords.record(run, settings, result);

        assertThat(result.seed()).isEqualTo(run.seed());
        assertThat(Arrays.stream(result.predictions()).boxed().toList()).allMatch(p -> p >= 0 && p <= 1, "a probability");
        assertThat((double) result.metrics().get("auc")).isGreaterThan(0.5);
    }
}
