package io.repro4j.junit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.repro4j.harness.Mode;
import io.repro4j.harness.ReproducibilityConfig;
import io.repro4j.harness.strict.StrictEnvironment;
import io.repro4j.harness.strict.StrictEnvironmentException;
import io.repro4j.junit.Perturbation;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RunPerturbationsTest {

    private static final Set<Perturbation> ALL = EnumSet.allOf(Perturbation.class);

    @Test
    void runOneIsNeverPerturbed() {
        RunPerturbations first = RunPerturbations.forRun(1, ALL, 8);
        assertThat(first.any()).isFalse();
        assertThat(first.describe()).isEqualTo("none");
        assertThat(first.environmentOverrides()).isEmpty();
    }

    @Test
    void laterRunsShiftIdentityHashesByDistinctAmounts() {
        Set<Integer> shifts = new HashSet<>();
        for (int run = 2; run <= 12; run++) {
            shifts.add(RunPerturbations.forRun(run, Set.of(Perturbation.IDENTITY_HASH), 2).identityHashShift());
        }
        assertThat(shifts).hasSize(11).doesNotContain(0);
        assertThat(RunPerturbations.forRun(2, Set.of(Perturbation.IDENTITY_HASH), 2).context())
                .containsEntry("identity_hash_shift", 17);
    }

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
        Map<String, String> env = ChildEnvironment.variables(Map.of("PATH", "/bin", "LANG", "fr_FR"), 42, Mode.STRICT,
                "v1", p);
        assertThat(env).containsEntry("TZ", "Asia/Kolkata").containsEntry("PATH", "/bin").doesNotContainKey("LANG");
        assertThat(ChildEnvironment.jvmFlags(p)).contains("-Duser.language=de", "-Duser.country=DE",
                "-Duser.timezone=Asia/Kolkata").doesNotContain("-Duser.timezone=UTC");
    }

    @Test
    void theStrictCheckAcceptsExactlyTheDeclaredPerturbation() {
        RunPerturbations p = RunPerturbations.forRun(3, Set.of(Perturbation.THREADS, Perturbation.LOCALE_AND_TIMEZONE), 2);
        ReproducibilityConfig strict = ReproducibilityConfig.defaults();
        Map<String, String> env = new HashMap<>(ChildEnvironment.variables(Map.of(), 42, Mode.STRICT, "v1", p));
        Map<String, String> props = properties(ChildEnvironment.jvmFlags(p));

        StrictCheck.verify(strict, p, env, props);

        env.put("OMP_NUM_THREADS", "4");
        assertThatThrownBy(() -> StrictCheck.verify(strict, p, env, props))
                .isInstanceOf(StrictEnvironmentException.class)
                .hasMessageContaining("OMP_NUM_THREADS=4 (this run declared OMP_NUM_THREADS=2)");
        assertThatThrownBy(() -> StrictCheck.verify(strict, RunPerturbations.none(),
                ChildEnvironment.variables(Map.of(), 42, Mode.STRICT, "v1", p), props))
                .isInstanceOf(StrictEnvironmentException.class);
    }

    private static Map<String, String> properties(List<String> flags) {
        Map<String, String> props = new HashMap<>();
        for (String f : flags) {
            int eq = f.indexOf('=');
            props.put(f.substring(2, eq), f.substring(eq + 1));
        }
        // Everything the strict flags do not cover stays as in this JVM.
        for (String f : StrictEnvironment.jvmFlags()) {
            props.putIfAbsent(ChildEnvironment.propertyName(f), f.substring(f.indexOf('=') + 1));
        }
        return props;
    }
}
