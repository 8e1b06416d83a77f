package io.repro4j.junit.internal.fork;

import io.repro4j.harness.ReproducibilityConfig;
import io.repro4j.harness.config.Setting;
import io.repro4j.harness.strict.StrictEnvironment;
import io.repro4j.junit.internal.protocol.RunPerturbations;
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

    /**
     * The variables of a child: allow-listed parent variables, the strict variables with the resolved mode, seed and
     * seed-derivation version, then the perturbations.
     */
    public static Map<String, String> variables(Map<String, String> parentEnv, ReproducibilityConfig config,
            RunPerturbations perturbations) {
        Map<String, String> env = new LinkedHashMap<>(StrictEnvironment.childEnvironment(parentEnv, config.seed()));
        // The experiment's mode wins: a best-effort experiment must not be forced into strict mode by its launcher;
        // and the parent's seed-derivation version, whichever source it came from, so both sides derive the same seeds.
        for (Setting setting : List.of(Setting.MODE, Setting.VERSION)) {
            env.put(setting.environmentVariable().orElseThrow(), setting.valueIn(config));
        }
        env.putAll(perturbations.environmentOverrides());
        return env;
    }

    /** The strict JVM flags with this run's system-property perturbations replacing the strict values. */
    public static List<String> jvmFlags(RunPerturbations perturbations) {
        Map<String, String> properties = new LinkedHashMap<>(StrictEnvironment.jvmProperties());
        properties.putAll(perturbations.systemPropertyOverrides());
        List<String> flags = new ArrayList<>();
        properties.forEach((k, v) -> flags.add("-D" + k + "=" + v));
        return flags;
    }
}
