package io.repro4j.harness.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SeedDerivationTest {

    private static final BigInteger TWO_64_PLUS_7 = BigInteger.TWO.pow(64).add(BigInteger.valueOf(7));
    private static final BigInteger TEN_30 = BigInteger.TEN.pow(30);

    @Test
    void normalizesArbitraryPrecisionSeedsWithFloorMod() {
        assertThat(SeedDerivation.normalize(TWO_64_PLUS_7)).isEqualTo(11);
        assertThat(SeedDerivation.normalize(TEN_30)).isEqualTo(1234980730);
        assertThat(SeedDerivation.normalize(TEN_30.negate())).isEqualTo(912502917);
        assertThat(SeedDerivation.normalize(BigInteger.valueOf(-1))).isEqualTo(2147483646);
        assertThat(SeedDerivation.normalize(BigInteger.ZERO)).isEqualTo(1);
    }

    @Test
    void resolvesWithBigGlobalSeeds() {
        assertThat(SeedDerivation.resolvePayload(TWO_64_PLUS_7, "training", "fwd_ret_10m", 0, null, null, "v1"))
                .isEqualTo("18446744073709551623|training|fwd_ret_10m|0|None|None|v1");
        assertThat(SeedDerivation.resolve(TWO_64_PLUS_7, "training", "fwd_ret_10m", 0, null, null, "v1"))
                .isEqualTo(1363703709);
        assertThat(SeedDerivation.resolve(TEN_30, "training", "fwd_ret_10m", 2, "AAPL", "SYMBOL_SPECIFIC", "v1"))
                .isEqualTo(650035884);
    }

    @Test
    void resolvesTheSameForIntegerLongAndBigInteger() {
        long expected = 1411722912;
        assertThat(SeedDerivation.resolve(42, "test", "test_target", 0, null, null, "v1")).isEqualTo(expected);
        assertThat(SeedDerivation.resolve(42L, "test", "test_target", 0, null, null, "v1")).isEqualTo(expected);
        assertThat(SeedDerivation.resolve(BigInteger.valueOf(42), "test", "test_target", 0, null, null, "v1"))
                .isEqualTo(expected);
    }

    @Test
    void stableSeedWritesPartsAsPythonStr() {
        List<Object> parts = Arrays.asList(null, true, 1.5, 1e-5, List.of("a", "it's"), Map.of("k", 2));

        assertThat(SeedDerivation.joinParts(parts)).isEqualTo("None::True::1.5::1e-05::['a', \"it's\"]::{'k': 2}");
        assertThat(SeedDerivation.stableSeedFrom(parts, SeedDerivation.MODULUS)).isEqualTo(1142623939);
        assertThatThrownBy(() -> SeedDerivation.stableSeedFrom(parts, 0)).hasMessageContaining("modulo");
    }

    @Test
    void randomIsDerivedFromTheLastSeedAll() {
        assertThat(SeedDerivation.seedAll(42L + SeedDerivation.MODULUS)).isEqualTo(42);

        Random derived = SeedDerivation.random("x", 7);

        // stable_seed_from([42, "x"]) == 1791835548: the configured seed 7 is ignored after seedAll
        assertThat(derived.nextLong()).isEqualTo(new Random(1791835548L).nextLong());
        assertThat(SeedDerivation.random("x", 7).nextInt()).isEqualTo(SeedDerivation.random("x", 8).nextInt());
        assertThat(SeedDerivation.random("x", 7).nextLong()).isNotEqualTo(SeedDerivation.random("y", 7).nextLong());
    }
}
