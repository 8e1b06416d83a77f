package io.repro4j.junit.internal.child;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.repro4j.harness.ReproducibilityConfig;
import io.repro4j.harness.strict.StrictEnvironment;
import io.repro4j.harness.strict.StrictEnvironmentException;
import io.repro4j.junit.Perturbation;
import io.repro4j.junit.internal.protocol.RunPerturbations;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StrictCheckTest {

    private static final ReproducibilityConfig STRICT = ReproducibilityConfig.defaults();

    /** The environment and system properties a child perturbed by {@code p} is started with. */
    private static Map<String, String> env(RunPerturbations p) {
        Map<String, String> env = new HashMap<>(StrictEnvironment.childEnvironment(Map.of(), 42));
        env.putAll(p.environmentOverrides());
        return env;
    }

    private static Map<String, String> properties(RunPerturbations p) {
        Map<String, String> props = new HashMap<>(StrictEnvironment.jvmProperties());
        props.putAll(p.systemPropertyOverrides());
        return props;
    }

    @Test
    void acceptsExactlyTheDeclaredPerturbation() {
        RunPerturbations p = RunPerturbations.forRun(3, Set.of(Perturbation.THREADS, Perturbation.LOCALE_AND_TIMEZONE),
                2);
        Map<String, String> env = env(p);

        StrictCheck.verify(STRICT, p, env, properties(p));

        env.put("OMP_NUM_THREADS", "4");
        assertThatThrownBy(() -> StrictCheck.verify(STRICT, p, env, properties(p)))
                .isInstanceOf(StrictEnvironmentException.class)
                .hasMessageContaining("OMP_NUM_THREADS=4 (this run declared OMP_NUM_THREADS=2)");
    }

    @Test
    void refusesAPerturbationTheRunDidNotDeclare() {
        RunPerturbations p = RunPerturbations.forRun(3, Set.of(Perturbation.THREADS), 2);
        assertThatThrownBy(() -> StrictCheck.verify(STRICT, RunPerturbations.none(), env(p), properties(p)))
                .isInstanceOf(StrictEnvironmentException.class).hasMessageContaining("OMP_NUM_THREADS=2");
    }
}
