package io.repro4j.junit.internal.fork;

import static org.assertj.core.api.Assertions.assertThat;

import io.repro4j.harness.Mode;
import io.repro4j.harness.ReproducibilityConfig;
import io.repro4j.junit.Perturbation;
import io.repro4j.junit.internal.protocol.RunPerturbations;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChildEnvironmentTest {

    @Test
    void threadsRaiseEveryThreadVariableAndTheCommonPool() {
        RunPerturbations p = RunPerturbations.forRun(2, Set.of(Perturbation.THREADS), 2);
        assertThat(p.threads()).isEqualTo(2);
        assertThat(p.environmentOverrides()).containsEntry("OMP_NUM_THREADS", "2").containsEntry("MKL_NUM_THREADS", "2");
        List<String> flags = ChildEnvironment.jvmFlags(p);
        assertThat(flags).contains("-Djava.util.concurrent.ForkJoinPool.common.parallelism=2")
                .doesNotContain("-Djava.util.concurrent.ForkJoinPool.common.parallelism=1");
    }

    @Test
    void localeAndTimeZoneReplaceTheStrictFlags() {
        RunPerturbations p = RunPerturbations.forRun(2, Set.of(Perturbation.LOCALE_AND_TIMEZONE), 2);
        Map<String, String> env = ChildEnvironment.variables(Map.of("PATH", "/bin", "LANG", "fr_FR"),
                ReproducibilityConfig.defaults(), p);
        assertThat(env).containsEntry("TZ", "Asia/Kolkata").containsEntry("PATH", "/bin").doesNotContainKey("LANG");
        assertThat(ChildEnvironment.jvmFlags(p)).contains("-Duser.language=de", "-Duser.country=DE",
                "-Duser.timezone=Asia/Kolkata").doesNotContain("-Duser.timezone=UTC");
    }

    @Test
    void carriesTheResolvedModeSeedAndVersion() {
        ReproducibilityConfig config = ReproducibilityConfig.builder().mode(Mode.BEST_EFFORT).seed(7).version("v9")
                .build();
        Map<String, String> env = ChildEnvironment.variables(Map.of(), config, RunPerturbations.none());
        assertThat(env).containsEntry("REPRO_MODE", "best_effort").containsEntry("REPRO_SEED", "7")
                .containsEntry("REPRO_VERSION", "v9").containsEntry("OMP_NUM_THREADS", "1");
    }
}
