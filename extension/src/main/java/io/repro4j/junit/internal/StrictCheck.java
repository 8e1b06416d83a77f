package io.repro4j.junit.internal;

import io.repro4j.harness.ReproducibilityConfig;
import io.repro4j.harness.Repro4jException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The child's strict-environment check, accepting exactly the perturbations the parent declared. */
final class StrictCheck {
    private StrictCheck() {
    }

    static void verify(ReproducibilityConfig config, RunPerturbations perturbations) {
        if (!config.isStrict() || !config.requireEnvVars()) {
            return;
        }
        List<String> problems = new ArrayList<>();
        Map<String, String> overrides = perturbations.environmentOverrides();
        StrictValues.variables(config.seed()).forEach((name, strictValue) -> {
            if (name.equals("REPRO_SEED") || name.equals("REPRO_MODE")) {
                return;
            }
            String expected = overrides.getOrDefault(name, strictValue);
            String actual = System.getenv(name);
            if (!expected.equals(actual)) {
                problems.add(name + "=" + (actual == null ? "(unset)" : actual) + " (expected " + expected + ")");
            }
        });
        Map<String, String> propertyOverrides = perturbations.systemPropertyOverrides();
        for (String flag : StrictValues.jvmFlags()) {
            String key = ChildEnvironment.propertyName(flag);
            String expected = propertyOverrides.getOrDefault(key, flag.substring(flag.indexOf('=') + 1));
            String actual = System.getProperty(key);
            if (!expected.equals(actual)) {
                problems.add("-D" + key + "=" + (actual == null ? "(unset)" : actual) + " (expected " + expected + ")");
            }
        }
        if (!problems.isEmpty()) {
            throw new Repro4jException("Strict environment violated in child JVM: " + String.join(", ", problems));
        }
    }
}
