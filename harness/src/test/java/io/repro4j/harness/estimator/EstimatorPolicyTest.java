package io.repro4j.harness.estimator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.repro4j.harness.Library;
import io.repro4j.harness.Mode;
import io.repro4j.harness.ProblemKind;
import io.repro4j.harness.Repro4jException;
import io.repro4j.harness.ReproducibilityConfig;
import io.repro4j.harness.ReproducibilityConfig.GpuRequestPolicy;
import io.repro4j.harness.estimator.EstimatorPolicy.PolicyResult;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class EstimatorPolicyTest {
    private static final ReproducibilityConfig STRICT = ReproducibilityConfig.defaults();
    private static final ReproducibilityConfig BEST_EFFORT =
            ReproducibilityConfig.builder().mode(Mode.BEST_EFFORT).build();
    private static final ReproducibilityConfig STRICT_FAIL =
            ReproducibilityConfig.builder().gpuRequestPolicy(GpuRequestPolicy.FAIL).build();

    private static PolicyResult apply(Library library, Map<String, ?> params, ReproducibilityConfig config) {
        return EstimatorPolicy.apply(library, params, 42, ProblemKind.REGRESSION, config);
    }

    static Stream<Arguments> gpuAndThreadRequests() {
        return Stream.of(
                Arguments.of(Library.XGBOOST, "device", "cuda", "device", "cpu"),
                Arguments.of(Library.XGBOOST, "device", "cuda:0", "device", "cpu"),
                Arguments.of(Library.XGBOOST, "device", "gpu", "device", "cpu"),
                Arguments.of(Library.XGBOOST, "tree_method", "gpu_hist", "tree_method", "hist"),
                Arguments.of(Library.XGBOOST, "gpu_id", 0, "gpu_id", null),
                Arguments.of(Library.XGBOOST, "gpu_platform_id", 0, "gpu_platform_id", null),
                Arguments.of(Library.XGBOOST, "predictor", "gpu_predictor", "predictor", null),
                Arguments.of(Library.XGBOOST, "nthread", 8, "nthread", 1),
                Arguments.of(Library.XGBOOST, "n_jobs", -1, "nthread", 1),
                Arguments.of(Library.LIGHTGBM, "device_type", "gpu", "device_type", "cpu"),
                Arguments.of(Library.LIGHTGBM, "device_type", "cuda", "device_type", "cpu"),
                Arguments.of(Library.LIGHTGBM, "device", "gpu", "device_type", "cpu"),
                Arguments.of(Library.LIGHTGBM, "gpu_id", 0, "gpu_device_id", null),
                Arguments.of(Library.LIGHTGBM, "gpu_platform_id", 1, "gpu_platform_id", null),
                Arguments.of(Library.LIGHTGBM, "num_threads", 8, "num_threads", 1),
                Arguments.of(Library.LIGHTGBM, "n_jobs", -1, "num_threads", 1));
    }

    @ParameterizedTest(name = "{0} {1}={2}")
    @MethodSource("gpuAndThreadRequests")
    void strictModeRewritesGpuAndThreadRequestsToCpuAndOneThreadWithAWarning(Library library, String key,
            Object value, String nativeKey, Object expected) {
        PolicyResult result = apply(library, Map.of(key, value), STRICT);

        if (expected == null) {
            assertThat(result.effectiveParams()).doesNotContainKey(nativeKey);
        } else {
            assertThat(result.effectiveParams()).containsEntry(nativeKey, expected);
        }
        assertThat(result.rewrites()).filteredOn(r -> r.key().equals(nativeKey) && r.warning())
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.requested()).isEqualTo(value);
                    assertThat(r.effective()).isEqualTo(expected);
                    assertThat(r.reason()).startsWith("strict mode");
                });
    }

    @Test
    void bestEffortRecordsThatXgboostWillSilentlyFallBackToCpuWhenNoGpuIsVisible() {
        org.junit.jupiter.api.Assumptions.assumeFalse(java.nio.file.Files.exists(java.nio.file.Path.of("/dev/nvidia0")),
                "this machine has a GPU device node");

        PolicyResult result = apply(Library.XGBOOST, Map.of("device", "cuda"), BEST_EFFORT);

        assertThat(result.effectiveParams()).containsEntry("device", "cuda");
        assertThat(result.rewrites()).anySatisfy(r -> {
            assertThat(r.key()).isEqualTo("device");
            assertThat(r.warning()).isTrue();
            assertThat(r.reason()).contains("silently train on CPU");
        });
    }

    @ParameterizedTest(name = "{0} {1}={2}")
    @MethodSource("gpuAndThreadRequests")
    void bestEffortModeLeavesDevicesAndThreadsToTheCaller(Library library, String key, Object value,
            String nativeKey, Object strictValue) {
        PolicyResult result = apply(library, Map.of(key, value), BEST_EFFORT);

        if (value.equals(-1)) {
            // n_jobs=-1 means all cores, the library default: dropped rather than made machine-dependent.
            assertThat(result.effectiveParams()).doesNotContainKey(nativeKey);
        } else {
            assertThat(result.effectiveParams()).containsEntry(nativeKey, value);
        }
        // The only warning best effort may give is the note that XGBoost will fall back to CPU; it changes nothing.
        assertThat(result.rewrites()).filteredOn(Rewrite::warning)
                .allMatch(r -> r.reason().contains("silently train on CPU") && r.effective().equals(r.requested()));
        for (String added : new String[] {"device", "device_type", "tree_method", "nthread", "num_threads"}) {
            if (!added.equals(nativeKey)) {
                assertThat(result.effectiveParams()).doesNotContainKey(added);
            }
        }
    }

    @ParameterizedTest(name = "{0} {1}={2}")
    @MethodSource("gpuAndThreadRequests")
    void strictModeWithFailPolicyRefusesGpuRequestsNamingParameterValueAndConfigKey(Library library, String key,
            Object value, String nativeKey, Object strictValue) {
        boolean gpu = EstimatorPolicy.isGpuRequest(key, value);
        if (!gpu) {
            assertThat(apply(library, Map.of(key, value), STRICT_FAIL).effectiveParams())
                    .containsEntry(nativeKey, strictValue);
            return;
        }
        assertThatThrownBy(() -> apply(library, Map.of(key, value), STRICT_FAIL))
                .isInstanceOf(Repro4jException.class)
                .hasMessageContaining(key + "=" + value)
                .hasMessageContaining("strict.on_gpu_request");
    }

    @Test
    void failPolicyDoesNotApplyInBestEffortMode() {
        ReproducibilityConfig bestEffortFail = BEST_EFFORT.toBuilder().gpuRequestPolicy(GpuRequestPolicy.FAIL).build();

        assertThat(apply(Library.XGBOOST, Map.of("device", "cuda"), bestEffortFail).effectiveParams())
                .containsEntry("device", "cuda");
    }

    @Test
    void xgboostGetsTheDeterministicParametersInBothModes() {
        for (ReproducibilityConfig config : new ReproducibilityConfig[] {STRICT, BEST_EFFORT}) {
            PolicyResult result = apply(Library.XGBOOST, Map.of("seed", 7, "seed_per_iteration", false), config);

            assertThat(result.effectiveParams())
                    .containsEntry("seed", 42)
                    .containsEntry("seed_per_iteration", true)
                    .containsEntry("objective", "reg:squarederror")
                    .containsEntry("num_round", 100);
            assertThat(result.rounds()).isEqualTo(100);
            assertThat(result.rewrites()).anySatisfy(r -> {
                assertThat(r.key()).isEqualTo("seed");
                assertThat(r.requested()).isEqualTo(7);
                assertThat(r.effective()).isEqualTo(42);
            });
        }
        assertThat(apply(Library.XGBOOST, Map.of(), STRICT).effectiveParams())
                .containsEntry("device", "cpu").containsEntry("tree_method", "hist").containsEntry("nthread", 1);
        assertThat(apply(Library.XGBOOST, Map.of(), BEST_EFFORT).effectiveParams())
                .doesNotContainKeys("device", "tree_method", "nthread");
    }

    @Test
    void lightGbmGetsDeterministicFlagsAndDerivedSeedsInBothModes() {
        for (ReproducibilityConfig config : new ReproducibilityConfig[] {STRICT, BEST_EFFORT}) {
            PolicyResult result = EstimatorPolicy.apply(Library.LIGHTGBM, Map.of("force_col_wise", true),
                    2147483646L, ProblemKind.CLASSIFICATION, config);

            assertThat(result.effectiveParams())
                    .containsEntry("seed", 2147483646)
                    .containsEntry("deterministic", true)
                    .containsEntry("force_row_wise", true)
                    .containsEntry("feature_fraction_seed", 1) // (2^31 - 2) + 1 wraps to 0, which becomes 1
                    .containsEntry("bagging_seed", 1)
                    .containsEntry("data_random_seed", 2)
                    .containsEntry("verbosity", -1)
                    .containsEntry("objective", "binary")
                    .doesNotContainKey("force_col_wise");
        }
        assertThat(apply(Library.LIGHTGBM, Map.of(), STRICT).effectiveParams())
                .containsEntry("device_type", "cpu").containsEntry("num_threads", 1);
    }

    @ParameterizedTest(name = "train seed {0}")
    @org.junit.jupiter.params.provider.ValueSource(longs = {42, 1000, 123456789})
    void lightGbmDerivesEachOfItsSeedsFromTheTrainSeed(long seed) {
        Map<String, Object> params = EstimatorPolicy.apply(Library.LIGHTGBM, Map.of(), seed,
                ProblemKind.REGRESSION, STRICT).effectiveParams();

        assertThat(params).containsEntry("seed", (int) seed)
                .containsEntry("feature_fraction_seed", (int) seed + 1)
                .containsEntry("bagging_seed", (int) seed + 2)
                .containsEntry("data_random_seed", (int) seed + 3);
    }

    @Test
    void aCpuPredictorIsKeptInStrictMode() {
        assertThat(apply(Library.XGBOOST, Map.of("predictor", "cpu_predictor"), STRICT).effectiveParams())
                .containsEntry("predictor", "cpu_predictor");
    }

    @ParameterizedTest
    @EnumSource(Library.class)
    void theNativePathGetsNoObjectiveOrRoundDefaultsButTheSameStrictRules(Library library) {
        PolicyResult result = EstimatorPolicy.apply(library, Map.of("n_jobs", 8, "device", "cuda"), 42, null, STRICT);

        assertThat(result.effectiveParams()).doesNotContainKeys("objective", ParamAliases.roundsKey(library))
                .containsEntry("seed", 42).containsEntry(ParamAliases.threadsKey(library), 1)
                .containsEntry(library == Library.XGBOOST ? "device" : "device_type", "cpu");
        assertThat(result.rounds()).isZero();
        assertThat(result.rewrites()).anyMatch(r -> r.requested() != null && r.requested().equals("cuda")
                && r.warning());
    }

    @Test
    void theNativePathKeepsTheCallersObjectiveAndRoundCount() {
        PolicyResult result = EstimatorPolicy.apply(Library.XGBOOST, Map.of("objective", "multi:softprob",
                "num_class", 3, "num_boost_round", 40), 42, null, STRICT);

        assertThat(result.effectiveParams()).containsEntry("objective", "multi:softprob").containsEntry("num_class", 3)
                .containsEntry("num_round", 40);
        assertThat(result.rounds()).isEqualTo(40);
    }

    @Test
    void seedsAreNormalisedWithFloorMod() {
        assertThat(apply(Library.XGBOOST, Map.of(), STRICT).effectiveParams()).containsEntry("seed", 42);
        assertThat(EstimatorPolicy.apply(Library.XGBOOST, Map.of(), -1, ProblemKind.REGRESSION, STRICT)
                .effectiveParams()).containsEntry("seed", 2147483646);
        assertThat(EstimatorPolicy.apply(Library.XGBOOST, Map.of(), 2147483647L, ProblemKind.REGRESSION, STRICT)
                .effectiveParams()).containsEntry("seed", 1);
    }

    @Test
    void aliasesMapToNativeNamesAndAreRecorded() {
        Map<String, Object> sklearn = new HashMap<>();
        sklearn.put("n_estimators", 50);
        sklearn.put("learning_rate", 0.1);
        sklearn.put("subsample", 0.8);
        sklearn.put("colsample_bytree", 0.7);
        sklearn.put("reg_alpha", 0.5);
        sklearn.put("reg_lambda", 2.0);
        sklearn.put("min_child_weight", 3.0);
        sklearn.put("min_child_samples", 5);
        sklearn.put("random_state", 9);
        sklearn.put("subsample_freq", 1);
        sklearn.put("max_depth", 4);

        PolicyResult xgb = apply(Library.XGBOOST, sklearn, BEST_EFFORT);
        assertThat(xgb.rounds()).isEqualTo(50);
        assertThat(xgb.effectiveParams())
                .containsEntry("num_round", 50).containsEntry("eta", 0.1).containsEntry("subsample", 0.8)
                .containsEntry("colsample_bytree", 0.7).containsEntry("alpha", 0.5).containsEntry("lambda", 2.0)
                .containsEntry("min_child_weight", 3.0).containsEntry("max_depth", 4)
                .doesNotContainKeys("n_estimators", "learning_rate", "reg_alpha", "random_state", "min_child_samples",
                        "subsample_freq");
        assertThat(xgb.rewrites()).anySatisfy(r -> {
            assertThat(r.key()).isEqualTo("eta");
            assertThat(r.reason()).contains("learning_rate");
            assertThat(r.warning()).isFalse();
        });

        PolicyResult lgb = apply(Library.LIGHTGBM, sklearn, BEST_EFFORT);
        assertThat(lgb.rounds()).isEqualTo(50);
        assertThat(lgb.effectiveParams())
                .containsEntry("num_iterations", 50).containsEntry("learning_rate", 0.1)
                .containsEntry("bagging_fraction", 0.8).containsEntry("feature_fraction", 0.7)
                .containsEntry("lambda_l1", 0.5).containsEntry("lambda_l2", 2.0)
                .containsEntry("min_sum_hessian_in_leaf", 3.0).containsEntry("min_data_in_leaf", 5)
                .containsEntry("bagging_freq", 1).containsEntry("max_depth", 4);
    }

    @Test
    void everyRoundAliasSetsTheRounds() {
        // LightGBM's documented aliases of num_iterations, plus sklearn's and XGBoost's names.
        for (String alias : new String[] {"n_estimators", "num_boost_round", "num_round", "num_iterations",
                "num_iteration", "n_iter", "num_tree", "num_trees", "num_rounds", "nrounds", "max_iter"}) {
            assertThat(apply(Library.XGBOOST, Map.of(alias, 7), STRICT).effectiveParams())
                    .containsEntry("num_round", 7);
            assertThat(apply(Library.LIGHTGBM, Map.of(alias, 7L), STRICT).rounds()).isEqualTo(7);
        }
        for (String alias : new String[] {"n_jobs", "nthread", "nthreads", "num_threads", "num_thread",
                "n_threads"}) {
            assertThat(apply(Library.XGBOOST, Map.of(alias, 3), BEST_EFFORT).effectiveParams())
                    .containsEntry("nthread", 3);
            assertThat(apply(Library.LIGHTGBM, Map.of(alias, 3), BEST_EFFORT).effectiveParams())
                    .containsEntry("num_threads", 3);
        }
    }

    @Test
    void conflictingAliasesAreAnErrorNamingBothKeys() {
        assertThatThrownBy(() -> apply(Library.XGBOOST, Map.of("n_estimators", 50, "num_round", 60), STRICT))
                .isInstanceOf(Repro4jException.class)
                .hasMessageContaining("n_estimators=50")
                .hasMessageContaining("num_round=60");
        assertThatThrownBy(() -> apply(Library.LIGHTGBM, Map.of("subsample", 0.8, "bagging_fraction", 0.7), STRICT))
                .isInstanceOf(Repro4jException.class)
                .hasMessageContaining("subsample=0.8")
                .hasMessageContaining("bagging_fraction=0.7");
    }

    @Test
    void agreeingAliasesAreAccepted() {
        assertThat(apply(Library.XGBOOST, Map.of("n_estimators", 50, "num_round", 50L), STRICT).rounds())
                .isEqualTo(50);
    }

    @Test
    void roundsAndThreadsGivenAsTextOrDecimalsAreStoredAsIntegers() {
        PolicyResult xgb = apply(Library.XGBOOST, Map.of("n_estimators", "40", "nthread", 4.0), BEST_EFFORT);
        assertThat(xgb.effectiveParams()).containsEntry("num_round", 40).containsEntry("nthread", 4);
        assertThat(xgb.rounds()).isEqualTo(40);
        assertThat(apply(Library.XGBOOST, Map.of("num_round", 1), STRICT).rounds()).isEqualTo(1);
        assertThat(apply(Library.LIGHTGBM, Map.of("num_threads", 0), BEST_EFFORT).effectiveParams())
                .containsEntry("num_threads", 0);
        assertThat(apply(Library.LIGHTGBM, Map.of("num_threads", -1), BEST_EFFORT).effectiveParams())
                .doesNotContainKey("num_threads");
        assertThatThrownBy(() -> apply(Library.XGBOOST, Map.of("nthread", "many"), BEST_EFFORT))
                .isInstanceOf(Repro4jException.class).hasMessage("parameter nthread=many must be a whole number");
        assertThatThrownBy(() -> apply(Library.XGBOOST, Map.of("n_estimators", 3_000_000_000L), STRICT))
                .hasMessageContaining("n_estimators=3000000000 must be a whole number of rounds from 1 to 2147483647");
        assertThat(apply(Library.XGBOOST, Map.of("n_estimators", Integer.MAX_VALUE), STRICT).rounds())
                .isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void aliasesAgreeByNumericValueOrByTextAndTheirRewritesNameTheLibrary() {
        assertThat(apply(Library.LIGHTGBM, Map.of("n_estimators", 50, "num_iterations", 50.0), STRICT).rounds())
                .isEqualTo(50);
        assertThat(ParamAliases.sameValue("cpu", "cpu")).isTrue();
        assertThat(ParamAliases.sameValue("cpu", "cuda")).isFalse();
        assertThat(ParamAliases.sameValue(50, "50")).isTrue();
        assertThat(ParamAliases.sameValue(50, 50.5)).isFalse();
        assertThat(ParamAliases.sameValue(Double.NaN, Double.NaN)).isTrue();
        assertThat(ParamAliases.sameValue(Double.POSITIVE_INFINITY, 1.0)).isFalse();
        assertThat(apply(Library.LIGHTGBM, Map.of("n_estimators", 9), STRICT).rewrites())
                .anySatisfy(r -> assertThat(r.reason()).isEqualTo("alias n_estimators is LightGBM's num_iterations"));
        assertThat(apply(Library.XGBOOST, Map.of("n_estimators", 9), STRICT).rewrites())
                .anySatisfy(r -> assertThat(r.reason()).isEqualTo("alias n_estimators is XGBoost's num_round"));
        assertThatThrownBy(() -> apply(Library.LIGHTGBM, Map.of("n_estimators", 50, "num_iterations", 60), STRICT))
                .hasMessageContaining("both set LightGBM's num_iterations to different values");
    }

    @Test
    void gpuRequestsAreRecognisedUnderEveryNameAndNothingElseIs() {
        assertThat(EstimatorPolicy.isGpuRequest("device", "CUDA:1")).isTrue();
        assertThat(EstimatorPolicy.isGpuRequest("device", "gpu")).isTrue();
        assertThat(EstimatorPolicy.isGpuRequest("device", "cpu")).isFalse();
        assertThat(EstimatorPolicy.isGpuRequest("device_type", "cuda")).isTrue();
        assertThat(EstimatorPolicy.isGpuRequest("tree_method", "gpu_hist")).isTrue();
        assertThat(EstimatorPolicy.isGpuRequest("tree_method", "hist")).isFalse();
        assertThat(EstimatorPolicy.isGpuRequest("predictor", "cpu_predictor")).isFalse();
        assertThat(EstimatorPolicy.isGpuRequest("gpu_id", 0)).isTrue();
        assertThat(EstimatorPolicy.isGpuRequest("gpu_platform_id", 0)).isTrue();
        assertThat(EstimatorPolicy.isGpuRequest("max_depth", "gpu")).isFalse();
        assertThat(EstimatorPolicy.isGpuRequest("device", null)).isFalse();
    }

    @Test
    void invalidRoundCountsAreRejectedNamingTheKey() {
        assertThatThrownBy(() -> apply(Library.XGBOOST, Map.of("n_estimators", 0), STRICT))
                .isInstanceOf(Repro4jException.class).hasMessageContaining("n_estimators=0");
        assertThatThrownBy(() -> apply(Library.LIGHTGBM, Map.of("num_boost_round", 2.5), STRICT))
                .isInstanceOf(Repro4jException.class).hasMessageContaining("num_boost_round=2.5");
    }

    @Test
    void objectiveNamesOfTheOtherLibraryAreTranslated() {
        assertThat(apply(Library.XGBOOST, Map.of("objective", "regression"), STRICT).effectiveParams())
                .containsEntry("objective", "reg:squarederror");
        assertThat(apply(Library.LIGHTGBM, Map.of("objective", "binary:logistic"), STRICT).effectiveParams())
                .containsEntry("objective", "binary");
        assertThat(apply(Library.XGBOOST, Map.of("objective", "reg:absoluteerror"), STRICT).effectiveParams())
                .containsEntry("objective", "reg:absoluteerror");
    }

    @Test
    void nullValuesCountAsNotSet() {
        Map<String, Object> params = new HashMap<>();
        params.put("device", null);
        params.put("max_depth", null);

        assertThat(apply(Library.XGBOOST, params, BEST_EFFORT).effectiveParams())
                .doesNotContainKeys("device", "max_depth");
    }

    @Test
    void aWorkerCountIsForXgboostOnlyAndAtLeastOne() {
        assertThatThrownBy(() -> EstimatorPolicy.apply(Library.LIGHTGBM, Map.of(), 42, null, 2, STRICT))
                .isInstanceOf(Repro4jException.class)
                .hasMessage("a distributed training (numWorkers = 2) is supported for XGBoost only");
        assertThatThrownBy(() -> EstimatorPolicy.apply(Library.XGBOOST, Map.of(), 42, null, 0, STRICT))
                .isInstanceOf(Repro4jException.class).hasMessage("numWorkers = 0 must be at least 1");
        assertThat(EstimatorPolicy.apply(Library.XGBOOST, Map.of(), 42, null, 1, STRICT).effectiveParams())
                .containsEntry("seed", 42);
        assertThat(EstimatorPolicy.apply(Library.LIGHTGBM, Map.of(), 42, null, null, STRICT).effectiveParams())
                .containsKey("seed");
    }
}
