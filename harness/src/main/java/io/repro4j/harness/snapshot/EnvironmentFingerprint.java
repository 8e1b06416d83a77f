package io.repro4j.harness.snapshot;

import io.repro4j.harness.estimator.NativeLibraries;
import io.repro4j.harness.fingerprint.CanonicalJson;
import io.repro4j.harness.fingerprint.Sha256;
import io.repro4j.harness.strict.StrictEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ForkJoinPool;
import org.apiguardian.api.API;

/**
 * What the machine and JVM were: JDK, OS, CPU, library versions, digests of the loaded native libraries and the
 * thread variables. Differences here explain a changed fingerprint (drift); they are not a change themselves.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class EnvironmentFingerprint {

    /** What distributed engines reported about themselves in this JVM, by engine name (e.g. {@code spark}). */
    private static final Map<String, Map<String, Object>> ENGINES = new TreeMap<>();

    private EnvironmentFingerprint() {
    }

    /**
     * Records what an engine that trains in this JVM reported about itself (for Spark: its version, master, threads and
     * {@code spark.*} settings), replacing what it reported before; {@link #capture()} adds it under {@code name}.
     * Engines record themselves when they train (repro4j-spark's {@code DeterministicSpark.fit}), since the harness
     * links to none of them.
     *
     * @param name the key in the environment, e.g. {@code spark}; not one of the keys the harness itself writes
     * @param facts the engine's facts; copied, in the given order
     */
    public static void recordEngine(String name, Map<String, ?> facts) {
        Map<String, Object> copy = new LinkedHashMap<>(facts);
        synchronized (ENGINES) {
            ENGINES.put(name, java.util.Collections.unmodifiableMap(copy));
        }
    }

    /** The environment of this JVM, as an ordered map ready for {@code snapshot.json}. */
    public static Map<String, Object> capture() {
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("jdk_vendor", System.getProperty("java.vendor"));
        env.put("jdk_version", System.getProperty("java.version"));
        env.put("os_name", System.getProperty("os.name"));
        env.put("os_arch", System.getProperty("os.arch"));
        env.put("cpu_model", cpuModel(Path.of("/proc/cpuinfo")));
        env.put("available_processors", Runtime.getRuntime().availableProcessors());
        env.put("library_versions", libraryVersions());
        env.put("native_libraries", new TreeMap<>(NativeLibraries.loadedLibraryDigests()));
        Map<String, Object> threads = new LinkedHashMap<>();
        for (String name : StrictEnvironment.THREAD_VARIABLES) {
            threads.put(name, System.getenv(name));
        }
        threads.put(StrictEnvironment.FORK_JOIN_PARALLELISM, String.valueOf(ForkJoinPool.getCommonPoolParallelism()));
        env.put("thread_variables", threads);
        synchronized (ENGINES) {
            ENGINES.forEach(env::putIfAbsent);
        }
        return env;
    }

    /** {@code xgboost4j}, {@code lightgbmlib} and {@code repro4j} versions. */
    public static Map<String, String> libraryVersions() {
        Map<String, String> versions = new LinkedHashMap<>();
        Map<String, String> natives = NativeLibraries.libraryVersions();
        versions.put("xgboost4j", natives.get("xgboost4j"));
        versions.put("lightgbmlib", natives.get("lightgbmlib"));
        versions.put("repro4j", repro4jVersion());
        return versions;
    }

    /** SHA-256 of the canonical JSON of {@code versions}: the {@code library_versions_signature}, never empty. */
    public static String libraryVersionsSignature(Map<String, ?> versions) {
        return Sha256.hex(CanonicalJson.write(versions));
    }

    /** The harness version from the jar manifest, or the build's version when run from classes. */
    public static String repro4jVersion() {
        String v = EnvironmentFingerprint.class.getPackage().getImplementationVersion();
        return v != null ? v : "0.1.0-SNAPSHOT";
    }

    /** The first {@code model name} in a {@code /proc/cpuinfo}-style file, or {@code unknown}. */
    static String cpuModel(Path cpuinfo) {
        try {
            for (String line : Files.readAllLines(cpuinfo)) {
                if (line.startsWith("model name")) {
                    int colon = line.indexOf(':');
                    if (colon >= 0) {
                        return line.substring(colon + 1).trim();
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or not readable: the model is simply unknown
        }
        return "unknown";
    }
}
