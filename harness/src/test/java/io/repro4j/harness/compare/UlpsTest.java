package io.repro4j.harness.compare;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UlpsTest {

    @Test
    void adjacentDoublesAreOneUlpApart() {
        assertThat(Ulps.between(1.0, Math.nextUp(1.0))).isEqualTo(1);
        assertThat(Ulps.between(Math.nextDown(-1.0), -1.0)).isEqualTo(1);
        assertThat(Ulps.between(0.1, 0.1)).isZero();
    }

    @Test
    void zerosAreEqualAndZeroIsCrossedCorrectly() {
        assertThat(Ulps.between(0.0, -0.0)).isZero();
        assertThat(Ulps.between(-Double.MIN_VALUE, Double.MIN_VALUE)).isEqualTo(2);
        assertThat(Ulps.between(Double.MIN_VALUE, -0.0)).isEqualTo(1);
    }

    @Test
    void isSymmetricAndHandlesNaN() {
        assertThat(Ulps.between(2.0, 1.0)).isEqualTo(Ulps.between(1.0, 2.0)).isEqualTo(1L << 52);
        assertThat(Ulps.between(Double.NaN, Double.NaN)).isZero();
        assertThat(Ulps.between(Double.NaN, 1.0)).isEqualTo(Long.MAX_VALUE);
        assertThat(Ulps.between(-Double.MAX_VALUE, Double.MAX_VALUE)).isPositive();
    }
}
