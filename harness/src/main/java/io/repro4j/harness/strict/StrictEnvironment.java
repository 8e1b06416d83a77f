package io.repro4j.harness.strict;

import io.repro4j.harness.ReproducibilityConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apiguardian.api.API;

/**
 * The strict environment a deterministic JVM runs in: process environment variables that pin native thread pools,
 * devices, time zone and locale (they must be set when the process is created — native code reads them at load
 * time), and JVM flags that pin what Java itself could vary. One definition shared by the JUnit child launcher,
 * {@code bin/run-deterministic} and {@code repro4j run}, plus the in-process {@link #check check}: the JVM
 * analogue of the reference's "PYTHONHASHSEED not set" and "bootstrap imported too late".
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class StrictEnvironment {

    /** Environment variable carrying the global seed into a strict child. */
    public static final String SEED_VARIABLE = "REPRO_SEED";
    /** Environment variable carrying the mode into a strict child. */
    public static final String MODE_VARIABLE = "REPRO_MODE";
    /** The variable the JVM reads extra flags from, so that flags reach JVMs started by any command. */
    public static final String JAVA_TOOL_OPTIONS = "JAVA_TOOL_OPTIONS";

    /** Thread-pool sizes of OpenMP, OpenBLAS, MKL, Accelerate and numexpr: all must be 1 in strict mode. */
    public static final List<String> THREAD_VARIABLES = List.of("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS",
            "MKL_NUM_THREADS", "VECLIB_MAXIMUM_THREADS", "NUMEXPR_NUM_THREADS");

    /** The system property sizing the common {@code ForkJoinPool} (parallel streams): 1 in strict mode. */
    public static final String FORK_JOIN_PARALLELISM = "java.util.concurrent.ForkJoinPool.common.parallelism";

    /** The system properties the JVM flags set, with the values strict mode needs. */
    private static final Map<String, String> JVM_PROPERTIES = orderedMap(
            "user.timezone", "UTC",
            "user.language", "en",
            "user.country", "US",
            "file.encoding", "UTF-8",
            FORK_JOIN_PARALLELISM, "1");

    private static final String CUDA_VISIBLE_DEVICES = "CUDA_VISIBLE_DEVICES";

    private StrictEnvironment() {
    }

    /**
     * The strict variables, in a fixed order: the thread variables at 1, {@code MKL_THREADING_LAYER=GNU},
     * {@code MKL_CBWR=COMPATIBLE}, {@code CUBLAS_WORKSPACE_CONFIG=:4096:8}, {@code CUDA_VISIBLE_DEVICES} empty (no
     * GPU), {@code REPRO_MODE=strict}, {@code REPRO_SEED=<seed>}, {@code TZ=UTC}, {@code LC_ALL=C.UTF-8}.
     */
    public static Map<String, String> variables(long seed) {
        Map<String, String> variables = new LinkedHashMap<>();
        for (String name : THREAD_VARIABLES) {
            variables.put(name, "1");
        }
        variables.put("MKL_THREADING_LAYER", "GNU");
        variables.put("MKL_CBWR", "COMPATIBLE");
        variables.put("CUBLAS_WORKSPACE_CONFIG", ":4096:8");
        variables.put(CUDA_VISIBLE_DEVICES, "");
        variables.put(MODE_VARIABLE, "strict");
        variables.put(SEED_VARIABLE, Long.toString(seed));
        variables.put("TZ", "UTC");
        variables.put("LC_ALL", "C.UTF-8");
        return Collections.unmodifiableMap(variables);
    }

    /** The system properties a strict JVM has, name to value, in flag order. */
    public static Map<String, String> jvmProperties() {
        return JVM_PROPERTIES;
    }

    /** The JVM flags a strict JVM is started with: time zone, locale, encoding and a one-thread common pool. */
    public static List<String> jvmFlags() {
        return JVM_PROPERTIES.entrySet().stream().map(e -> "-D" + e.getKey() + "=" + e.getValue()).toList();
    }

    /**
     * The variables a strict child inherits from its parent; everything else is dropped so that nothing the parent
     * happens to have (thread counts, {@code LANG}, {@code JAVA_TOOL_OPTIONS}, {@code TMPDIR}, …) reaches it.
     * <ul>
     *   <li>{@code PATH} — commands the child starts are found as in the parent;</li>
     *   <li>{@code HOME}, {@code USER}, {@code LOGNAME} — tools that look up the user's files or name;</li>
     *   <li>{@code JAVA_HOME} — scripts that start a JVM use the parent's JDK;</li>
     *   <li>{@code LD_LIBRARY_PATH} — the native libraries find the OpenMP runtime where the user installed it.</li>
     * </ul>
     * {@code LC_ALL} and {@code TZ} are forced instead, and children get their own {@code java.io.tmpdir}.
     */
    public static List<String> environmentAllowList() {
        return List.of("PATH", "HOME", "USER", "LOGNAME", "JAVA_HOME", "LD_LIBRARY_PATH");
    }

    /** A clean child environment: the allowed variables of {@code parent}, then the strict variables. */
    public static Map<String, String> childEnvironment(Map<String, String> parent, long seed) {
        Map<String, String> env = new LinkedHashMap<>();
        for (String name : environmentAllowList()) {
            String value = parent.get(name);
            if (value != null) {
                env.put(name, value);
            }
        }
        env.putAll(variables(seed));
        return Collections.unmodifiableMap(env);
    }

    /** {@code existing} (may be {@code null} or blank) with the strict JVM flags appended, for {@code JAVA_TOOL_OPTIONS}. */
    public static String javaToolOptions(String existing) {
        String flags = String.join(" ", jvmFlags());
        return existing == null || existing.isBlank() ? flags : existing.strip() + " " + flags;
    }

    /**
     * Every way in which {@code env}, {@code systemProperties} and {@code loadedNativeLibraries} fall short of the
     * strict environment, in words; empty when there is nothing to fix. {@code REPRO_MODE} and {@code REPRO_SEED}
     * are not checked: they are configuration, read by the config loader.
     *
     * @param loadedNativeLibraries file names of native ML libraries already loaded into this process
     */
    public static List<String> violations(Map<String, String> env, Map<String, String> systemProperties,
            Set<String> loadedNativeLibraries) {
        List<String> problems = new ArrayList<>();
        variables(0).forEach((name, required) -> {
            if (name.equals(MODE_VARIABLE) || name.equals(SEED_VARIABLE)) {
                return;
            }
            String actual = env.get(name);
            if (name.equals(CUDA_VISIBLE_DEVICES)) {
                if (actual == null) {
                    problems.add(name + " is not set, so every GPU is visible (strict mode needs it set and empty)");
                } else if (!actual.isEmpty()) {
                    problems.add(name + "=" + actual + " makes a GPU visible (strict mode needs it set and empty)");
                }
            } else if (actual == null) {
                problems.add(name + " is not set (strict mode needs " + name + "=" + required + ")");
            } else if (!actual.equals(required)) {
                problems.add(name + "=" + actual + " (strict mode needs " + name + "=" + required + ")");
            }
        });
        JVM_PROPERTIES.forEach((name, required) -> {
            String actual = systemProperties.get(name);
            if (!required.equals(actual)) {
                problems.add("system property " + name + (actual == null ? " is not set" : " is '" + actual + "'")
                        + " (strict mode needs the JVM flag -D" + name + "=" + required + ")");
            }
        });
        for (String library : new TreeSet<>(loadedNativeLibraries)) {
            problems.add("native library " + library + " was loaded before the strict check ran: native code may"
                    + " already have run unchecked (run the check first, before anything loads XGBoost or LightGBM)");
        }
        return List.copyOf(problems);
    }

    /**
     * File names of the XGBoost and LightGBM shared objects mapped into this process, from {@code /proc/self/maps};
     * empty where that file does not exist (not Linux).
     */
    public static Set<String> loadedNativeMlLibraries() {
        Path maps = Path.of("/proc/self/maps");
        if (!Files.isReadable(maps)) {
            return Set.of();
        }
        Set<String> names = new TreeSet<>();
        try (Stream<String> lines = Files.lines(maps)) {
            lines.forEach(line -> {
                String[] fields = line.trim().split("\\s+", 6);
                if (fields.length < 6) {
                    return;
                }
                String path = fields[5].replace(" (deleted)", "");
                String name = path.substring(path.lastIndexOf('/') + 1);
                if (isNativeMlLibrary(name)) {
                    names.add(name);
                }
            });
        } catch (IOException | java.io.UncheckedIOException e) {
            return Set.of();
        }
        return Collections.unmodifiableSet(names);
    }

    /** True for the shared objects of XGBoost4J ({@code libxgboost4j*.so}) and LightGBM ({@code lib_lightgbm*.so}). */
    static boolean isNativeMlLibrary(String fileName) {
        return fileName.startsWith("libxgboost") || fileName.startsWith("lib_lightgbm");
    }

    /**
     * Refuses to go on in strict mode with {@code strict.require_env_vars} unless {@code env},
     * {@code systemProperties} and {@code loadedNativeLibraries} describe the strict environment; does nothing in
     * best-effort mode or when {@code require_env_vars} is off. A {@code @DeterministicTraining} child runs it first.
     *
     * @throws StrictEnvironmentException listing every violation and how to fix it
     */
    public static void check(ReproducibilityConfig config, Map<String, String> env,
            Map<String, String> systemProperties, Set<String> loadedNativeLibraries) {
        if (!applies(config)) {
            return;
        }
        List<String> problems = violations(env, systemProperties, loadedNativeLibraries);
        if (problems.isEmpty()) {
            return;
        }
        throw new StrictEnvironmentException(refusal(problems), problems);
    }

    /**
     * The message that refuses to train: every problem, then how to start a strict JVM and how to opt out. The JVM
     * analogue of the reference's "PYTHONHASHSEED not set" refusal.
     */
    static String refusal(List<String> problems) {
        StringBuilder message = new StringBuilder("Strict mode (reproducibility.mode: strict, strict.require_env_vars: "
                + "true) needs the strict environment, but this JVM has " + problems.size()
                + (problems.size() == 1 ? " problem:" : " problems:"));
        for (String problem : problems) {
            message.append("\n  - ").append(problem);
        }
        message.append("\nStart the JVM through bin/run-deterministic (or `repro4j run -- CMD`), or train inside a"
                + " @DeterministicTraining test: they set these variables when the process is created (native code"
                + " reads them only at load time) and pass the JVM flags. Or opt out: REPRO_MODE=best_effort (or"
                + " reproducibility.mode: best_effort), or strict.require_env_vars: false to train with a warning.");
        return message.toString();

    }

    private static boolean applies(ReproducibilityConfig config) {
        return config.isStrict() && config.requireEnvVars();
    }

    private static Map<String, String> orderedMap(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return Collections.unmodifiableMap(map);
    }
}
