package io.repro4j.harness.estimator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.repro4j.harness.Dataset;
import io.repro4j.harness.Estimator;
import io.repro4j.harness.Library;
import io.repro4j.harness.Mode;
import io.repro4j.harness.ProblemKind;
import io.repro4j.harness.Repro4jException;
import io.repro4j.harness.ReproducibilityConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** XGBoost estimators touch native code only in {@code fit}, so building them here needs no native library. */
class EstimatorFactoryTest {
    private final EstimatorLedger ledger = new EstimatorLedger();

    @Test
    void recordsRequestedAndEffectiveParamsRewritesSeedModeAndCallSite() {
        Map<String, Object> params = new HashMap<>();
        params.put("n_estimators", 5);
        params.put("device", "cuda");
        params.put("monotone_constraints", new ArrayList<>(List.of(1, 0)));

        Estimator estimator = EstimatorFactory.create(Library.XGBOOST, params, -1, ProblemKind.CLASSIFICATION,
                ReproducibilityConfig.defaults(), ledger);
        params.put("n_estimators", 99);

        assertThat(ledger.entries()).singleElement().satisfies(e -> {
            assertThat(e.index()).isZero();
            assertThat(e.library()).isEqualTo(Library.XGBOOST);
            assertThat(e.kind()).isEqualTo(ProblemKind.CLASSIFICATION);
            assertThat(e.mode()).isEqualTo(Mode.STRICT);
            assertThat(e.seed()).isEqualTo(2147483646L);
            assertThat(e.requestedParams()).containsEntry("n_estimators", 5).containsEntry("device", "cuda");
            assertThat(e.effectiveParams()).containsEntry("device", "cpu").containsEntry("num_round", 5)
                    .containsEntry("objective", "binary:logistic");
            assertThat(e.rewrites()).anyMatch(r -> r.key().equals("device") && r.warning());
            assertThat(e.callSite()).startsWith(EstimatorFactoryTest.class.getName()
                    + ".recordsRequestedAndEffectiveParamsRewritesSeedModeAndCallSite:");
            assertThat(e.entryPoint()).isEqualTo(LedgerEntry.EntryPoint.CREATE_ESTIMATOR);
            assertThat(e.model().modelSha256()).as("not trained yet").isNull();
            assertThat(e.missingModel()).as("an estimator that was never fitted trained nothing").isNull();
            assertThat(estimator.effectiveParams()).isEqualTo(e.effectiveParams());
        });
    }

    @Test
    void ledgerCopiesAreDeeplyImmutable() {
        List<Integer> constraints = new ArrayList<>(List.of(1, 0));
        EstimatorFactory.create(Library.XGBOOST, Map.of("monotone_constraints", constraints), 1,
                ProblemKind.REGRESSION, ReproducibilityConfig.defaults(), ledger);
        constraints.add(5);

        LedgerEntry entry = ledger.entries().get(0);
        assertThat(entry.requestedParams().get("monotone_constraints")).isEqualTo(List.of(1, 0));
        assertThatThrownBy(() -> entry.requestedParams().put("x", 1))
                .isInstanceOf(UnsupportedOperationException.class);
        @SuppressWarnings("unchecked")
        List<Object> copied = (List<Object>) entry.requestedParams().get("monotone_constraints");
        assertThatThrownBy(() -> copied.add(2)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> entry.effectiveParams().put("x", 1))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aRefusedPolicyRecordsNothing() {
        assertThatThrownBy(() -> EstimatorFactory.create(Library.XGBOOST, Map.of("n_estimators", 1, "num_round", 2),
                1, ProblemKind.REGRESSION, ReproducibilityConfig.defaults(), ledger))
                .isInstanceOf(Repro4jException.class);
        assertThat(ledger.size()).isZero();
    }

    @Test
    void entriesSinceAMarkAndClear() {
        EstimatorFactory.create(Library.XGBOOST, Map.of(), 1, ProblemKind.REGRESSION,
                ReproducibilityConfig.defaults(), ledger);
        int mark = ledger.size();
        EstimatorFactory.create(Library.XGBOOST, Map.of("max_depth", 3), 2, ProblemKind.REGRESSION,
                ReproducibilityConfig.defaults(), ledger);

        assertThat(ledger.entriesSince(mark)).singleElement()
                .satisfies(e -> assertThat(e.effectiveParams()).containsEntry("max_depth", 3));
        assertThat(ledger.entriesSince(5)).isEmpty();
        ledger.clear();
        assertThat(ledger.entries()).isEmpty();
        EstimatorFactory.create(Library.XGBOOST, Map.of(), 1, ProblemKind.REGRESSION,
                ReproducibilityConfig.defaults(), ledger);
        assertThat(ledger.entries().get(0).index()).isZero();
    }

    @Test
    void concurrentCallsGetDistinctConsecutiveIndexes() throws Exception {
        int threads = 4;
        int perThread = 50;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        EstimatorFactory.create(Library.XGBOOST, Map.of(), i, ProblemKind.REGRESSION,
                                ReproducibilityConfig.defaults(), ledger);
                    }
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
        List<LedgerEntry> entries = ledger.entries();
        assertThat(entries).hasSize(threads * perThread);
        for (int i = 0; i < entries.size(); i++) {
            assertThat(entries.get(i).index()).isEqualTo(i);
        }
    }

    @Test
    void usingAnUntrainedEstimatorIsAClearError() {
        Estimator estimator = EstimatorFactory.create(Library.XGBOOST, Map.of(), 1, ProblemKind.REGRESSION,
                ReproducibilityConfig.defaults(), ledger);
        Dataset data = Dataset.of(new double[][] {{1.0}}, new double[] {0.0});

        assertThatThrownBy(() -> estimator.predict(data)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("call fit(dataset)");
        estimator.close();
        estimator.close();
        assertThatThrownBy(() -> estimator.fit(data)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

}
