package io.repro4j.junit.internal;

import io.repro4j.harness.Mode;
import io.repro4j.harness.strict.StrictEnvironment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * The process environment and JVM flags of one child: the strict environment, then the run's perturbations on
 * top. Built from nothing (an allow-list of the parent's variables), because native code reads the C environment
 * when it loads and anything inherited could change how it trains.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class ChildEnvironment {

    private ChildEnvironment() {
    }

    /** The variables of a child: allow-listed parent variables, the strict variables, then the perturbations. */
    public static Map<String, String> variables(Map<String, String> parentEnv, long globalSeed, Mode mode,
            String version, RunPerturbations perturbations) {
        Map<String, String> env = new LinkedHashMap<>();
        env.putAll(StrictEnvironment.childEnvironment(parentEnv, globalSeed));
        // The experiment's mode wins: a best-effort experiment must not be forced into strict mode by its launcher.
        env.put(StrictEnvironment.MODE_VARIABLE, mode.configName());
        // The parent's seed-derivation version, whichever source it came from, so both sides derive the same seeds.
        env.put("REPRO_VERSION", version);
        env.putAll(perturbations.environmentOverrides());
        return env;
    }

    /** The strict JVM flags with this run's system-property perturbations replacing the strict values. */
    public static List<String> jvmFlags(RunPerturbations perturbations) {
        Map<String, String> overrides = perturbations.systemPropertyOverrides();
        List<String> flags = new ArrayList<>();
        for (String flag : StrictEnvironment.jvmFlags()) {
            String key = propertyName(flag);
            if (key == null || !overrides.containsKey(key)) {
                flags.add(flag);
            }
        }
        overrides.forEach((k, v) -> flags.add("-D" + k + "=" + v));
        return flags;
    }

    /** The property name of a {@code -Dname=value} flag, or {@code null}. */
    static String propertyName(String flag) {
        if (!flag.startsWith("-D")) {
            return null;
        }
        int eq = flag.indexOf('=');
        return eq < 0 ? flag.substring(2) : flag.substring(2, eq);
    }
}
