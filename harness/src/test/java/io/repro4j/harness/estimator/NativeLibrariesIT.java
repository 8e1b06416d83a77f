package io.repro4j.harness.estimator;

import io.repro4j.harness.testkit.SyntheticData;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.repro4j.harness.Dataset;
import io.repro4j.harness.Estimator;
import io.repro4j.harness.Library;
import io.repro4j.harness.ProblemKind;
import io.repro4j.harness.Repro4jException;
import io.repro4j.harness.ReproducibilityConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Loads the real native libraries into this JVM. */
class NativeLibrariesIT {

    @Test
    void loadingLightGbmIsIdempotentAcrossThreads() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    NativeLibraries.loadLightGbm();
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        NativeLibraries.loadLightGbm();
        assertThat(com.microsoft.ml.lightgbm.lightgbmlib.LGBM_GetLastError()).isNotNull();
    }

    @Test
    void reportsADigestPerNativeLibraryAndTheLibraryVersions() {
        NativeLibraries.loadLightGbm();

        assertThat(NativeLibraries.loadedLibraryDigests())
                .containsOnlyKeys("lib_lightgbm.so", "lib_lightgbm_swig.so", "libxgboost4j.so")
                .allSatisfy((name, digest) -> assertThat(digest).matches("[0-9a-f]{64}"));
        assertThat(NativeLibraries.loadedLibraryDigests().get("lib_lightgbm.so"))
                .isNotEqualTo(NativeLibraries.loadedLibraryDigests().get("lib_lightgbm_swig.so"));
        assertThat(NativeLibraries.libraryVersions())
                .containsEntry("xgboost4j", System.getProperty("repro4j.expectedXgboostVersion", "3.4.0"))
                .containsEntry("lightgbmlib", "3.3.510");
    }

    @Test
    void onlyLinuxX86_64IsAccepted() {
        assertThat(NativeLibraries.isLinuxX86_64("Linux", "amd64")).isTrue();
        assertThat(NativeLibraries.isLinuxX86_64("Linux", "aarch64")).isFalse();
        assertThat(NativeLibraries.isLinuxX86_64("Mac OS X", "x86_64")).isFalse();
        assertThatThrownBy(() -> NativeLibraries.requireSupportedPlatform("Linux", "aarch64"))
                .isInstanceOf(Repro4jException.class)
                .hasMessageContaining("Linux aarch64");
    }

    @Test
    void theXgboostDigestIsThatOfTheFileTheProcessMapped() throws Exception {
        Dataset data = SyntheticData.of(ProblemKind.REGRESSION);
        try (Estimator e = EstimatorFactory.create(Library.XGBOOST, Map.of("n_estimators", 2), 1,
                ProblemKind.REGRESSION, ReproducibilityConfig.defaults(), new EstimatorLedger())) {
            e.fit(data);
        }
        String mapped = NativeLibraries.mappedXgboostDigest();

        assertThat(mapped).as("libxgboost4j found in /proc/self/maps").isNotNull();
        assertThat(mapped).isEqualTo(NativeLibraries.resourceDigest("lib/linux/x86_64/libxgboost4j.so"));
        assertThat(NativeLibraries.loadedLibraryDigests()).containsEntry("libxgboost4j.so", mapped);
    }
}
