package io.repro4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.repro4j.harness.config.ConfigLoader;
import io.repro4j.harness.strict.StrictEnvironment;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RunCommandTest {

    @TempDir
    Path tmp;

    private Path out;
    private final StringWriter messages = new StringWriter();

    @BeforeEach
    void setUp() {
        out = tmp.resolve("stdout.txt");
    }

    private int execute(String... args) {
        RunCommand command = new RunCommand(ProcessBuilder.Redirect.to(out.toFile()),
                ProcessBuilder.Redirect.to(tmp.resolve("stderr.txt").toFile()));
        return new CommandLine(command).setErr(new PrintWriter(messages, true)).execute(args);
    }

    private Map<String, String> childEnv() throws Exception {
        Map<String, String> env = new LinkedHashMap<>();
        for (String line : Files.readAllLines(out)) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                env.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return env;
    }

    @Test
    void runsTheCommandWithTheStrictVariablesAndFlags() throws Exception {
        int exit = execute("--seed", "7", "--", "env");

        assertThat(exit).isZero();
        Map<String, String> env = childEnv();
        assertThat(env).containsAllEntriesOf(StrictEnvironment.variables(7));
        assertThat(env.get("JAVA_TOOL_OPTIONS")).endsWith(StrictEnvironment.javaToolOptions(null));
        assertThat(env).as("the current environment is kept").containsEntry("PATH", System.getenv("PATH"));
        assertThat(messages.toString()).contains("repro4j run: OMP_NUM_THREADS=1").contains("REPRO_SEED=7");
    }

    @Test
    void usesTheConfiguredSeedByDefault() throws Exception {
        assertThat(execute("env")).isZero();

        long configured = ConfigLoader.fromEnvironment().reproducibility().seed();
        assertThat(childEnv()).containsEntry("REPRO_SEED", Long.toString(configured));
    }

    @Test
    void returnsTheCommandsExitCode() {
        assertThat(execute("--", "sh", "-c", "exit 3")).isEqualTo(3);
    }

    @Test
    void withoutACommandExitsWithTwoAndOneLine() {
        assertThat(execute()).isEqualTo(2);
        assertThat(messages.toString().lines()).singleElement().asString()
                .startsWith("repro4j run: no command given");
    }

    @Test
    void aCommandThatCannotStartExitsWithTwoAndOneLine() {
        assertThat(execute("--", "/nonexistent/command-for-repro4j")).isEqualTo(2);
        assertThat(messages.toString().lines()).as("an error is exactly one line on stderr").singleElement()
                .asString().contains("cannot start '/nonexistent/command-for-repro4j'");
    }
}
