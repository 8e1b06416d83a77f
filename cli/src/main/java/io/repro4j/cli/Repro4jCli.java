package io.repro4j.cli;

import io.repro4j.harness.Repro4jException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.apiguardian.api.API;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code repro4j} command line ({@code bin/repro4j}). Exit codes: {@value #OK} ok or same,
 * {@value #DIFFERS} differs or check failed, {@value #BAD_INPUT} bad input or usage, always with a one-line
 * reason on stderr and never a stack trace.
 *
 * <p>Each subcommand is a class in this package implementing {@code Callable<Integer>} that returns its exit code;
 * for bad input it throws {@link InputException} (or picocli's {@link ParameterException}).
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
@Command(name = "repro4j", mixinStandardHelpOptions = true, version = "repro4j 0.1.0-SNAPSHOT",
        description = "Reference-compatible seeds and digests, and bitwise reproducibility checks for training runs.",
        subcommands = {
            SeedCommand.class,
            DigestCommand.class,
            RunCommand.class,
            DiffCommand.class,
            VerifyCommand.class,
            SummaryCommand.class,
        })
public final class Repro4jCli implements Callable<Integer> {

    /** Ok, or the runs are the same. */
    public static final int OK = 0;
    /** The runs differ, or a check failed. */
    public static final int DIFFERS = 1;
    /** Bad input or usage. */
    public static final int BAD_INPUT = 2;

    @Spec
    CommandSpec spec;

    /** Bad input a user can fix (a missing file, malformed JSON): exit {@value #BAD_INPUT}, message on one line. */
    @API(status = API.Status.INTERNAL, since = "0.1.0")
    public static final class InputException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public InputException(String message) {
            super(message, null, false, false);
        }
    }

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "missing command: choose one of "
                + String.join(", ", spec.subcommands().keySet()));
    }

    public static void main(String... args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(out, err, args));
    }

    /** Runs the command line with the given streams and returns the exit code (for {@code main} and tests). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new Repro4jCli());
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((ex, ignored) -> {
            CommandLine command = ex.getCommandLine();
            String name = command.getCommandSpec().qualifiedName();
            err.println(name + ": " + oneLine(ex.getMessage()) + " (see '" + name + " --help')");
            return BAD_INPUT;
        });
        cli.setExecutionExceptionHandler((ex, command, parseResult) -> {
            String name = command.getCommandSpec().qualifiedName();
            // Repro4jException messages (config, strict environment, names) are written for users: no class name.
            String reason = ex instanceof InputException || ex instanceof Repro4jException ? ex.getMessage()
                    : "unexpected " + ex.getClass().getSimpleName() + ": " + ex.getMessage();
            err.println(name + ": " + oneLine(reason));
            return BAD_INPUT;
        });
        try {
            return cli.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    private static String oneLine(String message) {
        if (message == null || message.isBlank()) {
            return "failed";
        }
        return message.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
