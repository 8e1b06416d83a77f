package io.repro4j.cli;

import io.repro4j.harness.Repro4jException;
import io.repro4j.harness.config.ConfigLoader;
import io.repro4j.harness.strict.StrictEnvironment;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apiguardian.api.API;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code repro4j run [--seed N] -- CMD…}: runs CMD with the current environment plus the strict variables and the
 * strict JVM flags appended to {@code JAVA_TOOL_OPTIONS} (what {@code bin/run-deterministic} does), inheriting
 * stdin, stdout and stderr; exits with CMD's exit code.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs CMD in the strict environment (one thread, no GPU, TZ=UTC, LC_ALL=C.UTF-8, "
                + "REPRO_MODE=strict, REPRO_SEED) with the strict JVM flags in JAVA_TOOL_OPTIONS.",
                "Put -- before CMD so that its options are not read as ours. Exits with CMD's exit code."})
public final class RunCommand implements Callable<Integer> {

    /** Exit code for usage errors and commands that cannot be started. */
    static final int USAGE = 2;

    @Spec
    CommandSpec spec;

    @Option(names = "--seed", paramLabel = "N",
            description = "Global seed given to CMD as REPRO_SEED (default: the configured seed, 42 unless "
                    + "REPRO_SEED, -Drepro4j.seed or config/reproducibility.yaml say otherwise).")
    Long seed;

    @Parameters(paramLabel = "CMD", arity = "0..*", description = "The command and its arguments.")
    List<String> command = new ArrayList<>();

    private final ProcessBuilder.Redirect output;
    private final ProcessBuilder.Redirect error;

    /** A command whose child inherits this process's stdout and stderr. */
    public RunCommand() {
        this(ProcessBuilder.Redirect.INHERIT, ProcessBuilder.Redirect.INHERIT);
    }

    /** A command whose child writes to {@code output} and {@code error} (tests, embedding). */
    public RunCommand(ProcessBuilder.Redirect output, ProcessBuilder.Redirect error) {
        this.output = output;
        this.error = error;
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (command.isEmpty()) {
            err.println("repro4j run: no command given; usage: repro4j run [--seed N] -- CMD [ARG...]");
            err.flush();
            return USAGE;
        }
        long effectiveSeed;
        try {
            effectiveSeed = seed != null ? seed : ConfigLoader.fromEnvironment().reproducibility().seed();
        } catch (Repro4jException e) {
            err.println("repro4j run: " + e.getMessage().lines().findFirst().orElse(""));
            err.flush();
            return USAGE;
        }
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.INHERIT)
                .redirectOutput(output)
                .redirectError(error);
        Map<String, String> env = builder.environment();
        List<String> settings = new ArrayList<>();
        StrictEnvironment.variables(effectiveSeed).forEach((name, value) -> {
            env.put(name, value);
            settings.add("repro4j run: " + name + "=" + value);
        });
        String toolOptions = StrictEnvironment.javaToolOptions(env.get(StrictEnvironment.JAVA_TOOL_OPTIONS));
        env.put(StrictEnvironment.JAVA_TOOL_OPTIONS, toolOptions);
        settings.add("repro4j run: " + StrictEnvironment.JAVA_TOOL_OPTIONS + "=" + toolOptions);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            // An error is one line on stderr: the settings are shown only for a command that started.
            err.println("repro4j run: cannot start '" + command.get(0) + "': " + e.getMessage());
            err.flush();
            return USAGE;
        }
        settings.forEach(err::println);
        err.flush();
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            process.destroy();
            Thread.currentThread().interrupt();
            err.println("repro4j run: interrupted while waiting for '" + command.get(0) + "'; stopped it");
            err.flush();
            return USAGE;
        }
    }
}
