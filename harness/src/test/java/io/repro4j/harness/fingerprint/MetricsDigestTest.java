package io.repro4j.harness.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricsDigestTest {

    @Test
    void hasNoDigestForNoMetrics() {
        assertThat(MetricsDigest.sha256(Map.of())).isNull();
        assertThat(MetricsDigest.sha256(null)).isNull();
    }

    @Test
    void roundsToSixDecimalsHalfEvenOnTheExactValue() {
        assertThat(MetricsDigest.canonicalString(Map.of("a", 5e-7, "b", 2.675, "c", -1e-300)))
                .isEqualTo("{\"a\": 0.0, \"b\": 2.675, \"c\": -0.0}");
    }

    @Test
    void cannotSeeDriftBelowSixDecimals() {
        assertThat(MetricsDigest.sha256(Map.of("auc", 0.1)))
                .isEqualTo(MetricsDigest.sha256(Map.of("auc", Math.nextUp(0.1))))
                .isNotEqualTo(MetricsDigest.sha256(Map.of("auc", 0.100001)));
    }

    @Test
    void sortsListsLikePython() {
        // True == 1, and sorted() is stable, so they keep their relative order.
        assertThat(MetricsDigest.canonicalString(Map.of("l", List.of(1, true, 0.5, -2))))
                .isEqualTo("{\"l\": [-2, 0.5, 1, true]}");
        assertThat(MetricsDigest.canonicalString(Map.of("l", List.of("\uD83D\uDE00", "\uFF5A", "b"))))
                .isEqualTo("{\"l\": [\"b\", \"\\uff5a\", \"\\ud83d\\ude00\"]}");
        assertThat(MetricsDigest.canonicalString(Map.of("l", List.of(List.of(2, 1), List.of(1, 5), List.of(1)))))
                .isEqualTo("{\"l\": [[1], [1, 2], [1, 5]]}"); // inner lists are sorted first
    }

    @Test
    void keepsTheOrderOfListsPythonCannotSort() {
        assertThat(MetricsDigest.canonicalString(Map.of("l", List.of(3, "a", 1))))
                .isEqualTo("{\"l\": [3, \"a\", 1]}");
        assertThat(MetricsDigest.canonicalString(Map.of("l", Arrays.asList(3, null, 1))))
                .isEqualTo("{\"l\": [3, null, 1]}");
        // NaN becomes null before sorting, which makes the list unsortable.
        assertThat(MetricsDigest.canonicalString(Map.of("l", List.of(3.0, Double.NaN, 1.0))))
                .isEqualTo("{\"l\": [3.0, null, 1.0]}");
        assertThat(MetricsDigest.canonicalString(Map.of("l", List.of(Map.of("b", 1), Map.of("a", 2)))))
                .isEqualTo("{\"l\": [{\"b\": 1}, {\"a\": 2}]}");
    }
}
