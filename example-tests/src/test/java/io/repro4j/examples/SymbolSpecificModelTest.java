package io.repro4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.repro4j.harness.Library;
import io.repro4j.harness.View;
import io.repro4j.junit.DeterministicTraining;
import io.repro4j.junit.TrainingRun;

/** One model per symbol: each gets its own derived seed and its own snapshot folder. */
class SymbolSpecificModelTest {

    private final ExperimentSettings settings = ExperimentSettings.load("determinism_test");
    private final Trainer trainer = new Trainer(settings);

    @DeterministicTraining(target = "fwd_ret_10m", view = View.SYMBOL_SPECIFIC, symbol = "AAPL")
    void aaplXgboostPredictsTenMinuteReturns(TrainingRun run) {
        TrainingResult result = trainer.train(TrainingTask.symbolSpecific(Library.XGBOOST, "fwd_ret_10m", "AAPL"));
        ModelRecords.record(run, settings, result);

        assertThat(result.seed()).isEqualTo(run.seed());
        assertThat(result.frame().symbols()).containsExactly("AAPL");
        assertThat(result.frame().trainRowIds()).allMatch(id -> id.startsWith("AAPL|"));
    }

    @DeterministicTraining(target = "y_up_10m", view = View.SYMBOL_SPECIFIC, symbol = "MSFT")
    void msftLightgbmClassifiesTenMinuteDirection(TrainingRun run) {
        TrainingResult result = trainer.train(TrainingTask.symbolSpecific(Library.LIGHTGBM, "y_up_10m", "MSFT"));
        ModelRecords.record(run, settings, result);

        assertThat(result.seed()).isEqualTo(run.seed());
        assertThat(result.frame().symbols()).containsExactly("MSFT");
        assertThat(result.predictions()).hasSize(result.frame().test().rows());
    }
}
