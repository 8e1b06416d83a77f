package io.repro4j.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.repro4j.harness.Library;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The data side of the {@link Trainer}: features, labels and the time split, without training. */
class TrainerFrameTest {

    private static final Map<String, Object> DATA = Map.of("data_dir", "synthetic/interval=5m",
            "generator_seed", 11, "symbols", List.of("MSFT", "AAPL", "NVDA"), "bars_per_symbol", 200);
    private static final Map<String, Object> TARGETS = Map.of(
            "fwd_ret_10m", Map.of("kind", "regression", "horizon_bars", 2),
            "y_up_10m", Map.of("kind", "binary", "horizon_bars", 2));
    private static final Map<String, Object> TRAINING = Map.of("test_fraction", 0.25,
            "xgboost", Map.of("num_round", 5));

    private final Trainer trainer = new Trainer(ExperimentSettings.fromMaps(DATA, TARGETS, TRAINING));

    @Test
    void everyTrainingBarPrecedesTheEmbargoAndEveryTestBar() {
        ModelFrame frame = trainer.prepare(TrainingTask.crossSectional(Library.XGBOOST, "fwd_ret_10m"));
        Instant lastTrain = time(frame.trainRowIds().get(frame.trainRowIds().size() - 1));
        Instant firstTest = time(frame.testRowIds().get(0));
        // embargo defaults to the longest horizon (2 bars): two bar times lie strictly between the periods
        assertThat(firstTest).isEqualTo(lastTrain.plusSeconds(3 * 5 * 60));
        assertThat(frame.symbols()).containsExactly("AAPL", "MSFT", "NVDA");
        assertThat(frame.trainRowIds().subList(0, 3))
                .containsExactly("AAPL|2024-01-02T16:10:00Z", "MSFT|2024-01-02T16:10:00Z", "NVDA|2024-01-02T16:10:00Z");
        int usable = 200 - MarketFeature.LOOKBACK - 2;
        assertThat(frame.train().rows() + frame.test().rows()).isEqualTo(3 * (usable - 2));
    }

    @Test
    void regressionLabelsAreForwardLogReturnsAndBinaryLabelsTheirSign() {
        ModelFrame returns = trainer.prepare(TrainingTask.symbolSpecific(Library.XGBOOST, "fwd_ret_10m", "AAPL"));
        ModelFrame direction = trainer.prepare(TrainingTask.symbolSpecific(Library.XGBOOST, "y_up_10m", "AAPL"));
        List<Bar> bars = trainer.market().series("AAPL");
        assertThat(returns.train().label(0))
                .isEqualTo(StrictMath.log(bars.get(22).close() / bars.get(20).close()));
        for (int r = 0; r < returns.train().rows(); r++) {
            assertThat(direction.train().label(r)).isEqualTo(returns.train().label(r) > 0 ? 1.0 : 0.0);
        }
        assertThat(returns.symbols()).containsExactly("AAPL");
    }

    @Test
    void columnsFollowTheRequestedOrderAndTheSameSettingsGiveTheSameBits() {
        TrainingTask task = TrainingTask.crossSectional(Library.XGBOOST, "fwd_ret_10m");
        ModelFrame standard = trainer.prepare(task);
        assertThat(standard.train().featureNames()).startsWith("ret_1", "ret_5", "ret_15").endsWith("intraday_position");
        ModelFrame reversed = trainer.prepare(task, List.of(MarketFeature.INTRADAY_POSITION, MarketFeature.RET_1));
        assertThat(reversed.train().featureNames()).containsExactly("intraday_position", "ret_1");

        Trainer again = new Trainer(ExperimentSettings.fromMaps(DATA, TARGETS, TRAINING));
        assertThat(again.prepare(task).train().sha256()).isEqualTo(standard.train().sha256());
        assertThat(again.prepare(task).test().sha256()).isEqualTo(standard.test().sha256());
    }

    @Test
    void settingsErrorsNameTheKey() {
        assertThatThrownBy(() -> ExperimentSettings.fromMaps(DATA, TARGETS, Map.of("test_fraction", "a quarter")))
                .hasMessage("training.test_fraction must be a number, got String a quarter");
        assertThatThrownBy(() -> ExperimentSettings.fromMaps(DATA,
                Map.of("fwd_ret_10m", Map.of("kind", "ranking", "horizon_bars", 2)), TRAINING))
                .hasMessageContaining("targets.fwd_ret_10m.kind: expected regression or binary, got 'ranking'");
        assertThatThrownBy(() -> trainer.settings().params(Library.LIGHTGBM))
                .hasMessageContaining("no training.lightgbm parameters");
        assertThatThrownBy(() -> ExperimentSettings.fromMaps(DATA, TARGETS,
                Map.of("test_fraction", 0.25, "embargo_bars", 1)))
                .hasMessageContaining("would overlap the test period");
    }

    private static Instant time(String rowId) {
        return Instant.parse(rowId.substring(rowId.indexOf('|') + 1));
    }
}
