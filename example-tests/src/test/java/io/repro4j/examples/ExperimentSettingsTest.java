package io.repro4j.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.repro4j.harness.Library;
import io.repro4j.harness.ProblemKind;
import io.repro4j.harness.config.ConfigException;
import org.junit.jupiter.api.Test;

/** The experiment file the example suite runs on, read through the harness's config loader. */
class ExperimentSettingsTest {

    @Test
    void readsTheDeterminismTestExperiment() {
        ExperimentSettings settings = ExperimentSettings.load("determinism_test");

        assertThat(settings.dataDir()).isEqualTo("synthetic/interval=5m");
        assertThat(settings.symbols()).containsExactly("AAPL", "GOOGL", "MSFT", "NVDA", "TSLA");
        assertThat(settings.barsPerSymbol()).isEqualTo(400);
        assertThat(settings.target("fwd_ret_10m")).isEqualTo(new TargetSpec("fwd_ret_10m", ProblemKind.REGRESSION, 2, 0.0));
        assertThat(settings.target("y_up_10m").kind()).isEqualTo(ProblemKind.CLASSIFICATION);
        assertThat(settings.embargoBars()).isEqualTo(2);
        // Subsampling below 1 is what makes a wrong seed or row/column order visible in the predictions.
        assertThat(settings.params(Library.XGBOOST)).containsEntry("subsample", 0.8).containsEntry("num_round", 40);
        assertThat(settings.params(Library.LIGHTGBM)).containsEntry("bagging_fraction", 0.8)
                .containsEntry("bagging_freq", 1);
    }

    @Test
    void aMissingExperimentIsAConfigErrorNamingTheFile() {
        assertThatThrownBy(() -> ExperimentSettings.load("no_such_experiment"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("no_such_experiment.yaml");
    }
}
