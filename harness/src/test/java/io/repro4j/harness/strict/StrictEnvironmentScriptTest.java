package io.repro4j.harness.strict;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/run-deterministic} keeps its own copy of the strict variables: it must match {@link StrictEnvironment}. */
class StrictEnvironmentScriptTest {

    @TempDir
    Path tmp;

    private record Result(int exitCode, List<String> stdout, List<String> stderr) {
    }

    private static Path script() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("bin/run-deterministic");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("bin/run-deterministic not found above " + Path.of("").toAbsolutePath());
    }

    private Result run(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", script().toString()));
        command.addAll(List.of(args));
        Path out = tmp.resolve("out.txt");
        Path err = tmp.resolve("err.txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().clear();
        builder.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        builder.environment().putAll(env);
        int code = builder.start().waitFor();
        return new Result(code, Files.readAllLines(out), Files.readAllLines(err));
    }

    private static Map<String, String> parseEnv(List<String> lines) {
        Map<String, String> env = new LinkedHashMap<>();
        for (String line : lines) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                env.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return env;
    }

    @Test
    void setsExactlyTheStrictVariablesAndReportsThemOnStderr() throws Exception {
        Result result = run(Map.of(), "env");

        assertThat(result.exitCode()).isZero();
        Map<String, String> env = parseEnv(result.stdout());
        assertThat(env).containsAllEntriesOf(StrictEnvironment.variables(42))
                .containsEntry("JAVA_TOOL_OPTIONS", StrictEnvironment.javaToolOptions(null));

        List<String> expected = new ArrayList<>();
        StrictEnvironment.variables(42).forEach((k, v) -> expected.add("run-deterministic: " + k + "=" + v));
        expected.add("run-deterministic: JAVA_TOOL_OPTIONS=" + StrictEnvironment.javaToolOptions(null));
        assertThat(result.stderr()).containsExactlyElementsOf(expected);
    }

    @Test
    void takesTheSeedFromReproSeedAndKeepsExistingJavaToolOptions() throws Exception {
        Result result = run(Map.of("REPRO_SEED", "-7", "JAVA_TOOL_OPTIONS", "-Xmx64m", "OMP_NUM_THREADS", "8"),
                "--", "env");

        assertThat(result.exitCode()).isZero();
        assertThat(parseEnv(result.stdout())).containsAllEntriesOf(StrictEnvironment.variables(-7))
                .containsEntry("JAVA_TOOL_OPTIONS", StrictEnvironment.javaToolOptions("-Xmx64m"));
    }

    @Test
    void passesTheCommandsExitCodeThrough() throws Exception {
        assertThat(run(Map.of(), "sh", "-c", "exit 5").exitCode()).isEqualTo(5);
    }

    @Test
    void withoutACommandPrintsUsageAndExitsWithTwo() throws Exception {
        Result result = run(Map.of());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderr()).first().asString().startsWith("usage: run-deterministic CMD");
    }

    @Test
    void rejectsASeedThatIsNotAnInteger() throws Exception {
        Result result = run(Map.of("REPRO_SEED", "abc"), "env");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderr()).singleElement().asString().contains("REPRO_SEED='abc'");
    }
}
