package io.repro4j.harness.testkit;

import io.repro4j.harness.strict.StrictEnvironment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Starts a {@code main} of the test class path in a separate JVM, the way the tests of every module need one: by
 * default with the strict environment (a clean environment from the allow-list plus the strict variables) and the
 * strict JVM flags, its own temp directory, its output in files.
 *
 * <pre>{@code
 * ChildJvm.Result r = ChildJvm.main(Probe.class, "train").in(dir).run();
 * assertThat(r.exitCode()).as(r.stderr()).isZero();
 * }</pre>
 */
public final class ChildJvm {

    private final Class<?> mainClass;
    private final List<String> args;
    private Path workDir;
    private String name = "child";
    private Map<String, String> environment = new LinkedHashMap<>(StrictEnvironment.childEnvironment(System.getenv(), 42));
    private List<String> jvmFlags = new ArrayList<>(StrictEnvironment.jvmFlags());
    private Duration timeout = Duration.ofMinutes(5);
    private String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));

    private ChildJvm(Class<?> mainClass, List<String> args) {
        this.mainClass = mainClass;
        this.args = args;
    }

    /** A child running {@code mainClass} with {@code args}. */
    public static ChildJvm main(Class<?> mainClass, String... args) {
        return new ChildJvm(mainClass, List.of(args));
    }

    /** The directory the child runs in and where its logs and temp directory go (required). */
    public ChildJvm in(Path dir) {
        this.workDir = dir;
        return this;
    }

    /** Names the child's log files and temp directory ({@code <name>.stdout}, …), for several children in one dir. */
    public ChildJvm named(String childName) {
        this.name = childName;
        return this;
    }

    /** Replaces the whole process environment. */
    public ChildJvm environment(Map<String, String> env) {
        this.environment = new LinkedHashMap<>(env);
        return this;
    }

    /** Sets one variable ({@code null} removes it). */
    public ChildJvm env(String variable, String value) {
        if (value == null) {
            environment.remove(variable);
        } else {
            environment.put(variable, value);
        }
        return this;
    }

    /** Replaces the strict JVM flags (the temp directory and class path are always given). */
    public ChildJvm jvmFlags(List<String> flags) {
        this.jvmFlags = new ArrayList<>(flags);
        return this;
    }

    /** Replaces the class path (default: this test JVM's), e.g. to leave an optional library out. */
    public ChildJvm classPath(String value) {
        this.classPath = value;
        return this;
    }

    /** How long {@link #run()} waits before killing the child and failing (default five minutes). */
    public ChildJvm timeout(Duration value) {
        this.timeout = value;
        return this;
    }

    /** Starts the child and waits for it. */
    public Result run() throws IOException, InterruptedException {
        return start().await();
    }

    /** Starts the child without waiting, e.g. to run several at once. */
    public Started start() throws IOException {
        if (workDir == null) {
            throw new IllegalStateException("ChildJvm needs a directory: call in(dir)");
        }
        Path tmp = Files.createDirectories(workDir.resolve(name + "-tmp"));
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "--enable-native-access=ALL-UNNAMED"));
        command.addAll(jvmFlags);
        command.add("-Djava.io.tmpdir=" + tmp);
        command.add("-cp");
        command.add(classPath);
        command.add(mainClass.getName());
        command.addAll(args);
        Path stdout = workDir.resolve(name + ".stdout");
        Path stderr = workDir.resolve(name + ".stderr");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().clear();
        builder.environment().putAll(environment);
        return new Started(builder.start(), stdout, stderr, tmp, timeout);
    }

    /** A running child. */
    public static final class Started {
        private final Process process;
        private final Path stdout;
        private final Path stderr;
        private final Path tmp;
        private final Duration timeout;

        private Started(Process process, Path stdout, Path stderr, Path tmp, Duration timeout) {
            this.process = process;
            this.stdout = stdout;
            this.stderr = stderr;
            this.tmp = tmp;
            this.timeout = timeout;
        }

        /** The process, e.g. to kill it. */
        public Process process() {
            return process;
        }

        /** Waits for the child (killing it and failing after the timeout) and deletes its temp directory. */
        public Result await() throws IOException, InterruptedException {
            try {
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly().waitFor();
                    throw new AssertionError("child did not finish within " + timeout + "; stderr:\n" + read(stderr));
                }
                return new Result(process.exitValue(), read(stdout), read(stderr));
            } finally {
                deleteTree(tmp);
            }
        }
    }

    /**
     * What a finished child left.
     *
     * @param exitCode its exit code
     * @param stdout its standard output
     * @param stderr its standard error
     */
    public record Result(int exitCode, String stdout, String stderr) {

        /** The lines of standard output. */
        public List<String> lines() {
            return stdout.lines().toList();
        }

        /** Both outputs, for assertion messages. */
        public String output() {
            return "stdout:\n" + stdout + "\nstderr:\n" + stderr;
        }
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
