package io.repro4j.harness.results;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import org.apiguardian.api.API;

/**
 * Which build a verdict belongs to, so that a report or summary describes the last build and not a mix of it with
 * older ones left under the same results root. In order: the parameter {@value #PROPERTY} (e.g. a CI run number);
 * else the Maven process that started this JVM (every Surefire and Failsafe JVM of one {@code mvn} invocation shares
 * it), found by walking up the process tree; else this JVM itself.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class BuildId {

    /** The system property (and JUnit configuration parameter) that names the build explicitly. */
    public static final String PROPERTY = "repro4j.buildId";

    /** Maven 3's main class, on the command line of every {@code mvn} JVM. */
    private static final String MAVEN_LAUNCHER = "org.codehaus.plexus.classworlds.launcher.Launcher";

    private static volatile String discovered;

    private BuildId() {
    }

    /** The build id for a JVM whose parameters {@code parameters} looks up. */
    public static String resolve(Function<String, Optional<String>> parameters) {
        Optional<String> explicit = parameters.apply(PROPERTY).map(String::strip).filter(v -> !v.isEmpty());
        if (explicit.isPresent()) {
            return explicit.get();
        }
        String id = discovered;
        if (id == null) {
            id = discover();
            discovered = id;
        }
        return id;
    }

    private static String discover() {
        for (Optional<ProcessHandle> p = Optional.of(ProcessHandle.current()); p.isPresent();
                p = p.get().parent()) {
            ProcessHandle.Info info = p.get().info();
            boolean maven = info.arguments().map(args -> java.util.Arrays.asList(args).contains(MAVEN_LAUNCHER))
                    .orElse(false) || info.commandLine().map(c -> c.contains(MAVEN_LAUNCHER)).orElse(false);
            if (maven) {
                return "maven-" + p.get().pid() + "-" + startMillis(info);
            }
        }
        ProcessHandle self = ProcessHandle.current();
        return "jvm-" + self.pid() + "-" + startMillis(self.info());
    }

    private static long startMillis(ProcessHandle.Info info) {
        return info.startInstant().map(Instant::toEpochMilli).orElse(0L);
    }
}
