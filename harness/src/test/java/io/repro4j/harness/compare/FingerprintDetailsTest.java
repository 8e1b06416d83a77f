package io.repro4j.harness.compare;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The details a difference is explained with: which metrics moved and how far, the first moved prediction, drift. */
class FingerprintDetailsTest {

    private static Map<String, Object> metrics(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    @Test
    void onlyMovedMetricsAreListedWithBothValuesAndTheirUlps() {
        String detail = FingerprintComparison.metricsDetail(metrics("rmse", 0.5, "ic", 0.25, "name", "a"),
                metrics("rmse", Math.nextUp(0.5), "ic", 0.25, "name", "b"));

        assertThat(detail).isEqualTo("metrics differ: rmse: 0.5 → 0.5000000000000001 (1 ulp); name: \"a\" → \"b\"");
    }

    @Test
    void absentAndNullMetricsAreToldApartAndNestedOnesAreNamedByPath() {
        Map<String, Object> withNull = new HashMap<>();
        withNull.put("ic", null);
        assertThat(FingerprintComparison.metricsDetail(metrics("rmse", 0.5), withNull))
                .isEqualTo("metrics differ: rmse: 0.5 → (absent); ic: (absent) → null");
        assertThat(FingerprintComparison.metricsDetail(metrics("fold", List.of(metrics("rmse", 1.0), 2)),
                metrics("fold", List.of(metrics("rmse", 3.0), 2))))
                .startsWith("metrics differ: fold[0].rmse: 1.0 → 3.0 (").endsWith(" ulps)");
        assertThat(FingerprintComparison.metricsDetail(metrics("by", metrics("AAPL", 1.0)),
                metrics("by", metrics("AAPL", 1.0))))
                .startsWith("metrics.json values are equal");
    }

    @Test
    void negativeZeroAndNaNAreComparedBitwise() {
        assertThat(FingerprintComparison.metricsDetail(metrics("x", 0.0), metrics("x", -0.0)))
                .isEqualTo("metrics differ: x: 0.0 → -0.0 (0 ulps)");
        assertThat(FingerprintComparison.metricsDetail(metrics("x", Double.NaN), metrics("x", Double.NaN)))
                .startsWith("metrics.json values are equal");
        assertThat(FingerprintComparison.metricsDetail(metrics("x", 1.0), metrics("x", Double.NaN)))
                .isEqualTo("metrics differ: x: 1.0 → NaN (NaN or too far for ULPs)");
    }

    @Test
    void atMostTenMetricsAreShownAndTheRestCounted() {
        Map<String, Object> a = new LinkedHashMap<>();
        Map<String, Object> b = new LinkedHashMap<>();
        for (int i = 0; i < 12; i++) {
            a.put("m" + i, (double) i);
            b.put("m" + i, i + 0.5);
        }
        String detail = FingerprintComparison.metricsDetail(a, b);
        assertThat(detail).contains("m9: 9.0 → 9.5").doesNotContain("m10:").endsWith("; and 2 more");
        a.put("m11", 11.5);
        assertThat(FingerprintComparison.metricsDetail(a, b)).endsWith("; and 1 more");
        a.put("m10", 10.5);
        assertThat(FingerprintComparison.metricsDetail(a, b)).doesNotContain("more");
    }

    @Test
    void theFirstMovedPredictionIsShownWithHowManyMoved() {
        assertThat(FingerprintComparison.predictionsDetail(Optional.of(new double[] {1, 2, 3, 4}),
                Optional.of(new double[] {1, 2.5, 3, 4.5})))
                .isEqualTo("first difference at index 1: 2.0 → 2.5 (" + Ulps.between(2, 2.5)
                        + " ulps); 2 of 4 predictions differ");
        assertThat(FingerprintComparison.predictionsDetail(Optional.of(new double[] {0.0}),
                Optional.of(new double[] {-0.0})))
                .isEqualTo("first difference at index 0: 0.0 → -0.0 (0 ulps); 1 of 1 predictions differ");
        assertThat(FingerprintComparison.predictionsDetail(Optional.of(new double[] {1}),
                Optional.of(new double[] {Math.nextUp(1.0)})))
                .contains("(1 ulp)");
    }

    @Test
    void predictionsOfAnotherLengthOrMissingOrBitwiseEqualSaySo() {
        assertThat(FingerprintComparison.predictionsDetail(Optional.of(new double[] {1, 2}),
                Optional.of(new double[] {1, 2, 3}))).isEqualTo("2 vs 3 predictions");
        assertThat(FingerprintComparison.predictionsDetail(Optional.of(new double[] {1, 2}),
                Optional.of(new double[] {1, 5, 3})))
                .startsWith("2 vs 3 predictions; first difference at index 1: 2.0 → 5.0")
                .endsWith("1 of 2 predictions differ");
        assertThat(FingerprintComparison.predictionsDetail(Optional.empty(), Optional.of(new double[] {1})))
                .isEqualTo("predictions.json missing in reference");
        assertThat(FingerprintComparison.predictionsDetail(Optional.of(new double[] {1}), Optional.empty()))
                .isEqualTo("predictions.json missing in other");
        assertThat(FingerprintComparison.predictionsDetail(Optional.of(new double[] {1}),
                Optional.of(new double[] {1}))).startsWith("predictions.json values are bitwise equal");
    }

    @Test
    void environmentDriftNamesLibrariesThreadVariablesAndNativesByTheirOwnKey() throws Exception {
        JsonNode a = new ObjectMapper().readTree("{\"jdk_version\": \"17\", \"library_versions\": {\"xgboost4j\": \"3.4.0\"},"
                + " \"thread_variables\": {\"OMP_NUM_THREADS\": \"1\"}, \"native_libraries\": {\"lib.so\": \"aa\"},"
                + " \"flags\": [\"-Xmx1g\"], \"extra\": {}, \"gone\": 1}");
        JsonNode b = new ObjectMapper().readTree("{\"jdk_version\": \"21\", \"library_versions\": {\"xgboost4j\": \"3.4.0\"},"
                + " \"thread_variables\": {\"OMP_NUM_THREADS\": \"2\"}, \"native_libraries\": {\"lib.so\": \"bb\"},"
                + " \"flags\": [], \"extra\": {\"k\": null}}");

        assertThat(FingerprintComparison.environmentChanges(a, b)).containsExactly("jdk_version 17 → 21",
                "OMP_NUM_THREADS 1 → 2", "lib.so aa → bb", "flags[0] -Xmx1g → (absent)", "extra {} → (absent)",
                "gone 1 → (absent)", "flags (absent) → []", "extra.k (absent) → null");
        assertThat(FingerprintComparison.environmentChanges(a, a)).isEmpty();
        assertThat(FingerprintComparison.environmentChanges(null, a)).hasSize(7);
    }
}
