package io.repro4j.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MetricsTest {

    @Test
    void averageRanksShareTheMeanRankAcrossTies() {
        assertThat(Metrics.averageRanks(new double[] {10, 20, 20, 5, 20}))
                .containsExactly(2.0, 4.0, 4.0, 1.0, 4.0);
    }

    @Test
    void rmseIsTheRootOfTheMeanSquaredError() {
        assertThat(Metrics.rmse(new double[] {1, 2, 3}, new double[] {1, 4, 0}))
                .isCloseTo(Math.sqrt((0 + 4 + 9) / 3.0), within(1e-15));
    }

    @Test
    void rankIcIsOneForAnyMonotoneForecastAndMinusOneForAReversedOne() {
        double[] actual = {0.01, -0.02, 0.03, 0.0};
        assertThat(Metrics.rankIc(new double[] {1, -5, 100, 0.5}, actual)).isEqualTo(1.0);
        assertThat(Metrics.rankIc(new double[] {-1, 5, -100, -0.5}, actual)).isEqualTo(-1.0);
    }

    @Test
    void rankIcWithTiesMatchesSpearmanOnAverageRanks() {
        // scipy.stats.spearmanr([1, 2, 2, 3], [1, 3, 2, 4]) = 0.9486832980505138
        assertThat(Metrics.rankIc(new double[] {1, 2, 2, 3}, new double[] {1, 3, 2, 4}))
                .isCloseTo(0.9486832980505138, within(1e-12));
    }

    @Test
    void rankIcOfAConstantForecastIsUndefined() {
        assertThat(Metrics.rankIc(new double[] {0.3, 0.3, 0.3}, new double[] {1, 2, 3})).isNaN();
    }

    @Test
    void aucCountsTiedPositiveNegativePairsAsOneHalf() {
        // pairs (pos, neg): (0.8, 0.8) tie = 1/2, (0.8, 0.1) = 1, (0.4, 0.8) = 0, (0.4, 0.1) = 1 -> 2.5 / 4
        assertThat(Metrics.auc(new double[] {0.8, 0.4, 0.8, 0.1}, new double[] {1, 1, 0, 0})).isEqualTo(0.625);
    }

    @Test
    void aucIsOneForAPerfectRankingAndHalfForConstantScores() {
        assertThat(Metrics.auc(new double[] {0.1, 0.2, 0.9, 0.7}, new double[] {0, 0, 1, 1})).isEqualTo(1.0);
        assertThat(Metrics.auc(new double[] {0.5, 0.5, 0.5, 0.5}, new double[] {0, 1, 0, 1})).isEqualTo(0.5);
    }

    @Test
    void aucIsUndefinedWithOneClassAndRejectsNonBinaryLabels() {
        assertThat(Metrics.auc(new double[] {0.1, 0.2}, new double[] {1, 1})).isNaN();
        assertThatThrownBy(() -> Metrics.auc(new double[] {0.1, 0.2}, new double[] {1, 2}))
                .hasMessageContaining("label 2.0 at row 1 is neither 0 nor 1");
    }

    @Test
    void logLossClipsCertainWrongAnswers() {
        assertThat(Metrics.logLoss(new double[] {0.5, 0.5}, new double[] {0, 1})).isCloseTo(Math.log(2), within(1e-15));
        assertThat(Metrics.logLoss(new double[] {0.0}, new double[] {1})).isCloseTo(-Math.log(1e-15), within(1e-9));
    }

    @Test
    void mismatchedOrEmptyInputsAreRejected() {
        assertThatThrownBy(() -> Metrics.rmse(new double[] {1}, new double[] {1, 2})).hasMessageContaining("lengths differ");
        assertThatThrownBy(() -> Metrics.rankIc(new double[0], new double[0])).hasMessageContaining("no rows");
        assertThatThrownBy(() -> Metrics.averageRanks(new double[] {Double.NaN})).hasMessageContaining("NaN");
    }
}
