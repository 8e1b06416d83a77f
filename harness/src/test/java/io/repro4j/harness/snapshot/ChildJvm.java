package io.repro4j.harness.snapshot;

import io.repro4j.harness.strict.StrictEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Starts a test-classpath {@code main} in a separate JVM with the strict environment, output to a file. */
final class ChildJvm {

    private final Process process;
    private final Path log;
    private final Path tmpDir;

    private ChildJvm(Process process, Path log, Path tmpDir) {
        this.process = process;
        this.log = log;
        this.tmpDir = tmpDir;
    }

    /** Starts {@code mainClass} with {@code args}; {@code workDir} receives the log and the child's tmpdir. */
    static ChildJvm start(Class<?> mainClass, Path workDir, String name, String... args) throws IOException {
        Path tmp = Files.createDirectories(workDir.resolve(name + "-tmp"));
        Path log = workDir.resolve(name + ".log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(StrictEnvironment.jvmFlags());
        command.add("--enable-native-access=ALL-UNNAMED");
        command.add("-Djava.io.tmpdir=" + tmp);
        command.add("-cp");
        command.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
        command.add(mainClass.getName());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(StrictEnvironment.variables(42));
        pb.environment().put("OMP_NUM_THREADS", "1");
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        pb.environment().remove("REPRO4J_RESULTS_DIR");
        return new ChildJvm(pb.start(), log, tmp);
    }

    /** Waits for the child, deletes its tmpdir, and returns its exit code. */
    int await() throws InterruptedException, IOException {
        int exit = process.waitFor();
        try (Stream<Path> walk = Files.walk(tmpDir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
        return exit;
    }

    /** The child's output, for assertion messages. */
    String output() throws IOException {
        return Files.exists(log) ? Files.readString(log) : "(no output)";
    }
}
