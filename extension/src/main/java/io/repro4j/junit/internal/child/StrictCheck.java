package io.repro4j.junit.internal.child;

import io.repro4j.harness.ReproducibilityConfig;
import io.repro4j.harness.config.ConfigLoader;
import io.repro4j.harness.strict.StrictEnvironment;
import io.repro4j.junit.internal.protocol.RunPerturbations;
import io.repro4j.harness.strict.StrictEnvironmentException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The child's strict-environment check, accepting exactly the perturbations the parent declared: a perturbed
 * variable or property must have the declared value, and is then checked as if it had the strict one.
 */
final class StrictCheck {
    private StrictCheck() {
    }

    static void verify(ReproducibilityConfig config, RunPerturbations perturbations) {
        verify(config, perturbations, System.getenv(), ConfigLoader.currentSystemProperties());
    }

    static void verify(ReproducibilityConfig config, RunPerturbations perturbations, Map<String, String> actualEnv,
            Map<String, String> actualProps) {
        if (!config.isStrict() || !config.requireEnvVars()) {
            return;
        }
        List<String> wrongPerturbations = new ArrayList<>();
        Map<String, String> env = new HashMap<>(actualEnv);
        Map<String, String> strictEnv = StrictEnvironment.variables(config.seed());
        perturbations.environmentOverrides().forEach((name, declared) -> {
            if (!declared.equals(actualEnv.get(name))) {
                wrongPerturbations.add(name + "=" + actualEnv.get(name) + " (this run declared " + name + "="
                        + declared + ")");
            }
            env.put(name, strictEnv.get(name));
        });
        Map<String, String> props = new HashMap<>(actualProps);
        Map<String, String> strictProps = StrictEnvironment.jvmProperties();
        perturbations.systemPropertyOverrides().forEach((name, declared) -> {
            if (!declared.equals(actualProps.get(name))) {
                wrongPerturbations.add("system property " + name + "='" + actualProps.get(name)
                        + "' (this run declared '" + declared + "')");
            }
            props.put(name, strictProps.get(name));
        });
        if (!wrongPerturbations.isEmpty()) {
            throw new StrictEnvironmentException("Strict environment: this run's declared perturbations ("
                    + perturbations.describe() + ") did not reach the JVM: " + String.join(", ", wrongPerturbations),
                    wrongPerturbations);
        }
        StrictEnvironment.check(config, env, props, StrictEnvironment.loadedNativeMlLibraries());
    }
}
