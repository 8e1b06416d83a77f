package io.repro4j.harness.strict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.repro4j.harness.Mode;
import io.repro4j.harness.Repro4jException;
import io.repro4j.harness.ReproducibilityConfig;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StrictEnvironmentTest {

    private static Map<String, String> strictEnv() {
        return new HashMap<>(StrictEnvironment.variables(42));
    }

    private static Map<String, String> strictProperties() {
        Map<String, String> properties = new HashMap<>();
        for (String flag : StrictEnvironment.jvmFlags()) {
            String[] parts = flag.substring(2).split("=", 2);
            properties.put(parts[0], parts[1]);
        }
        return properties;
    }

    @Test
    void variablesAreExactlyTheDesignsListInOrder() {
        assertThat(StrictEnvironment.variables(-17)).containsExactly(
                Map.entry("OMP_NUM_THREADS", "1"), Map.entry("OPENBLAS_NUM_THREADS", "1"),
                Map.entry("MKL_NUM_THREADS", "1"), Map.entry("VECLIB_MAXIMUM_THREADS", "1"),
                Map.entry("NUMEXPR_NUM_THREADS", "1"), Map.entry("MKL_THREADING_LAYER", "GNU"),
                Map.entry("MKL_CBWR", "COMPATIBLE"), Map.entry("CUBLAS_WORKSPACE_CONFIG", ":4096:8"),
                Map.entry("CUDA_VISIBLE_DEVICES", ""), Map.entry("REPRO_MODE", "strict"),
                Map.entry("REPRO_SEED", "-17"), Map.entry("TZ", "UTC"), Map.entry("LC_ALL", "C.UTF-8"));
    }

    @Test
    void jvmFlagsPinTimeZoneLocaleEncodingAndCommonPool() {
        assertThat(StrictEnvironment.jvmFlags()).containsExactly("-Duser.timezone=UTC", "-Duser.language=en",
                "-Duser.country=US", "-Dfile.encoding=UTF-8",
                "-Djava.util.concurrent.ForkJoinPool.common.parallelism=1");
        assertThat(StrictEnvironment.javaToolOptions(" -Xmx64m ")).startsWith("-Xmx64m -Duser.timezone=UTC")
                .endsWith("parallelism=1");
        assertThat(StrictEnvironment.javaToolOptions(null)).isEqualTo(String.join(" ", StrictEnvironment.jvmFlags()));
    }

    @Test
    void childEnvironmentKeepsOnlyAllowedParentVariables() {
        Map<String, String> parent = Map.of("PATH", "/usr/bin", "HOME", "/home/u", "OMP_NUM_THREADS", "8",
                "LANG", "de_DE.UTF-8", "TMPDIR", "/var/tmp", "JAVA_TOOL_OPTIONS", "-Xmx9g");

        Map<String, String> child = StrictEnvironment.childEnvironment(parent, 5);

        assertThat(child).containsEntry("PATH", "/usr/bin").containsEntry("HOME", "/home/u")
                .containsEntry("OMP_NUM_THREADS", "1").containsEntry("REPRO_SEED", "5")
                .doesNotContainKeys("LANG", "TMPDIR", "JAVA_TOOL_OPTIONS");
    }

    @Test
    void strictEnvironmentHasNoViolations() {
        assertThat(StrictEnvironment.violations(strictEnv(), strictProperties(), Set.of())).isEmpty();
    }

    @Test
    void reportsEveryThreadVariableMissingOrNotOne() {
        Map<String, String> env = strictEnv();
        env.put("OMP_NUM_THREADS", "4");
        env.remove("MKL_NUM_THREADS");

        assertThat(StrictEnvironment.violations(env, strictProperties(), Set.of())).containsExactly(
                "OMP_NUM_THREADS=4 (strict mode needs OMP_NUM_THREADS=1)",
                "MKL_NUM_THREADS is not set (strict mode needs MKL_NUM_THREADS=1)");
    }

    @Test
    void reportsVisibleGpus() {
        Map<String, String> env = strictEnv();
        env.put("CUDA_VISIBLE_DEVICES", "0");
        assertThat(StrictEnvironment.violations(env, strictProperties(), Set.of()))
                .singleElement().asString().contains("CUDA_VISIBLE_DEVICES=0").contains("GPU");

        env.remove("CUDA_VISIBLE_DEVICES");
        assertThat(StrictEnvironment.violations(env, strictProperties(), Set.of()))
                .singleElement().asString().contains("CUDA_VISIBLE_DEVICES is not set");
    }

    @Test
    void reportsMissingTimeZoneAndLocale() {
        Map<String, String> env = strictEnv();
        env.remove("TZ");
        env.put("LC_ALL", "de_DE.UTF-8");

        assertThat(StrictEnvironment.violations(env, strictProperties(), Set.of())).containsExactly(
                "TZ is not set (strict mode needs TZ=UTC)", "LC_ALL=de_DE.UTF-8 (strict mode needs LC_ALL=C.UTF-8)");
    }

    @Test
    void reportsMissingJvmFlags() {
        Map<String, String> properties = strictProperties();
        properties.put("user.timezone", "Europe/Paris");
        properties.remove("java.util.concurrent.ForkJoinPool.common.parallelism");

        assertThat(StrictEnvironment.violations(strictEnv(), properties, Set.of())).containsExactly(
                "system property user.timezone is 'Europe/Paris' (strict mode needs the JVM flag -Duser.timezone=UTC)",
                "system property java.util.concurrent.ForkJoinPool.common.parallelism is not set (strict mode needs"
                        + " the JVM flag -Djava.util.concurrent.ForkJoinPool.common.parallelism=1)");
    }

    @Test
    void reportsNativeLibrariesLoadedTooEarly() {
        List<String> problems = StrictEnvironment.violations(strictEnv(), strictProperties(),
                Set.of("libxgboost4j123.so", "lib_lightgbm.so"));

        assertThat(problems).hasSize(2);
        assertThat(problems.get(0)).startsWith("native library lib_lightgbm.so was loaded before the strict check");
        assertThat(problems.get(1)).startsWith("native library libxgboost4j123.so was loaded before the strict check");
    }

    @Test
    void recognisesNativeMlLibraryFileNames() {
        assertThat(StrictEnvironment.isNativeMlLibrary("libxgboost4j.so")).isTrue();
        assertThat(StrictEnvironment.isNativeMlLibrary("libxgboost4j8812345.so")).isTrue();
        assertThat(StrictEnvironment.isNativeMlLibrary("lib_lightgbm_swig.so")).isTrue();
        assertThat(StrictEnvironment.isNativeMlLibrary("libgomp.so.1")).isFalse();
    }

    @Test
    void checkThrowsListingEveryViolationAndTheFix() {
        Map<String, String> env = strictEnv();
        env.put("OMP_NUM_THREADS", "4");
        env.remove("LC_ALL");

        assertThatThrownBy(() -> StrictEnvironment.check(ReproducibilityConfig.defaults(), env, strictProperties(),
                Set.of()))
                .isInstanceOf(StrictEnvironmentException.class)
                .isInstanceOf(Repro4jException.class)
                .hasMessageContaining("2 problems")
                .hasMessageContaining("OMP_NUM_THREADS=4")
                .hasMessageContaining("LC_ALL is not set")
                .hasMessageContaining("bin/run-deterministic")
                .hasMessageContaining("@DeterministicTraining")
                .satisfies(e -> assertThat(((StrictEnvironmentException) e).violations()).hasSize(2));
    }

    @Test
    void checkIsSkippedInBestEffortModeOrWithoutRequireEnvVars() {
        Map<String, String> empty = Map.of();
        ReproducibilityConfig bestEffort = ReproducibilityConfig.builder().mode(Mode.BEST_EFFORT).build();
        ReproducibilityConfig noCheck = ReproducibilityConfig.builder().requireEnvVars(false).build();

        assertThatCode(() -> StrictEnvironment.check(bestEffort, empty, empty, Set.of("libxgboost4j.so")))
                .doesNotThrowAnyException();
        assertThatCode(() -> StrictEnvironment.check(noCheck, empty, empty, Set.of())).doesNotThrowAnyException();
    }
}
