package io.repro4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.repro4j.junit.DeterministicTraining;
import io.repro4j.junit.TrainingRun;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * Models trained with XGBoost4J's own API ({@link NativeXGBoostModels}: {@code DMatrix}, watches, early stopping,
 * query groups) next to the wrapper's: the same {@code @DeterministicTraining}, with {@code XGBoost.train} replaced
 * by {@code DeterministicXGBoost.train}.
 */
class NativeXGBoostModelTest {

    private final ExperimentSettings settings = ExperimentSettings.load("determinism_test");
    private final NativeXGBoostModels models = new NativeXGBoostModels(new Trainer(settings));

    @DeterministicTraining(target = "fwd_ret_10m")
    void multiclassDirectionWithEarlyStopping(TrainingRun run) throws XGBoostError {
        NativeXGBoostModels.NativeResult result = models.directionClasses("fwd_ret_10m");
        record(run, result);

        assertThat(result.seed()).isEqualTo(run.seed());
        assertThat(result.predictions()[0]).hasSize(3);
        assertThat((int) result.metrics().get("best_iteration")).isLessThan(NativeXGBoostModels.MAX_ROUNDS - 1);
        assertThat((double) result.metrics().get("accuracy")).isGreaterThan(1.0 / 3);
    }

    @DeterministicTraining(target = "fwd_ret_10m")
    void rankingWithinTimestampsByQueryGroup(TrainingRun run) throws XGBoostError {
        NativeXGBoostModels.NativeResult result = models.rankWithinTimestamps("fwd_ret_10m");
        record(run, result);

        assertThat(result.seed()).isEqualTo(run.seed());
        assertThat(result.predictions()[0]).hasSize(1);
        assertThat((double) result.metrics().get("rank_ic")).isGreaterThan(0);
    }

    private void record(TrainingRun run, NativeXGBoostModels.NativeResult result) {
        run.recordDataset(settings.dataDir(), result.frame().symbols(), result.frame().train());
        run.recordMetrics(result.metrics());
        run.recordPredictions(result.predictions());
    }
}
