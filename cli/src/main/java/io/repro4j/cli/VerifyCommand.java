package io.repro4j.cli;

import io.repro4j.harness.Determinism;
import io.repro4j.harness.Repro4jException;
import io.repro4j.harness.compare.SnapshotTreeDiff;
import io.repro4j.harness.results.ConfinedDelete;
import io.repro4j.harness.results.ResultsRoot;
import io.repro4j.harness.strict.StrictEnvironment;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apiguardian.api.API;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code repro4j verify --runs N [--seed S] [--out DIR] -- CMD…}: runs a training command N times, one after the
 * other, each in the strict environment with its own results root ({@code DIR/run-<k>}, given to the command as
 * {@code REPRO4J_RESULTS_DIR}), then compares every run's snapshot tree with the first run's.
 *
 * <p>Child output goes to {@code DIR/run-<k>.log}. Without {@code --out} a temporary directory is used; it is
 * deleted when the runs are identical and kept (its path printed) otherwise. Exit 0 identical, 1 when the trees
 * differ or a run failed, 2 on usage errors.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Runs CMD N times in the strict environment, each with its own results root,",
                "then diffs the snapshot trees. Exit 0 identical, 1 different or a run failed, 2 usage."})
public final class VerifyCommand implements Callable<Integer> {

    @Option(names = "--runs", required = true, paramLabel = "N", description = "How many runs (at least 2).")
    int runs;

    @Option(names = "--seed", paramLabel = "S",
            description = "The global seed for REPRO_SEED (default: the configured seed).")
    Long seed;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Where run-<k>/ results roots and run-<k>.log files go (default: a temporary directory).")
    Path out;

    @Parameters(arity = "1..*", paramLabel = "CMD", description = "The command to run, after --.")
    List<String> command;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        if (runs < 2) {
            throw new ParameterException(spec.commandLine(), "--runs must be at least 2, was " + runs);
        }
        long effectiveSeed = seed != null ? seed : Determinism.loadReproducibilityConfig().seed();
        boolean temporary = out == null;
        Path dir;
        try {
            dir = temporary ? Files.createTempDirectory("repro4j-verify-") : Files.createDirectories(out);
        } catch (IOException e) {
            stderr.println("repro4j verify: cannot create the output directory " + out + ": " + e);
            stderr.flush();
            return 2;
        }
        Map<String, String> strict = StrictEnvironment.variables(effectiveSeed);
        List<Path> roots = new ArrayList<>();
        for (int k = 1; k <= runs; k++) {
            Path root = dir.resolve("run-" + k);
            Path log = dir.resolve("run-" + k + ".log");
            roots.add(root);
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(devNull()));
            Map<String, String> env = pb.environment();
            env.putAll(strict);
            env.put(StrictEnvironment.JAVA_TOOL_OPTIONS,
                    StrictEnvironment.javaToolOptions(env.get(StrictEnvironment.JAVA_TOOL_OPTIONS)));
            env.put(ResultsRoot.ENV, root.toAbsolutePath().toString());
            long start = System.nanoTime();
            int exit;
            try {
                Files.createDirectories(root);
                exit = pb.start().waitFor();
            } catch (IOException e) {
                stderr.println("repro4j verify: cannot start " + command.get(0) + ": " + e.getMessage());
                stderr.flush();
                if (temporary) {
                    deleteTree(dir);
                }
                return 2;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stderr.println("repro4j verify: interrupted while run " + k + " was running");
                stderr.flush();
                return 1;
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            stdout.printf(Locale.ROOT, "run %d/%d: exit %d in %.2f s%n", k, runs, exit, seconds);
            stdout.flush();
            if (exit != 0) {
                stdout.println("run " + k + " failed with exit code " + exit + "; its output is in " + log);
                stdout.flush();
                return 1;
            }
        }
        boolean identical = true;
        for (int k = 2; k <= runs; k++) {
            SnapshotTreeDiff.Result result;
            try {
                result = SnapshotTreeDiff.diff(roots.get(0), roots.get(k - 1));
            } catch (Repro4jException e) {
                stdout.println("run-1 vs run-" + k + ": cannot compare: " + e.getMessage().replace('\n', ' '));
                identical = false;
                continue;
            }
            stdout.println("run-1 vs run-" + k + ":");
            DiffCommand.print(result, false, stdout);
            identical &= result.identical();
        }
        if (identical && temporary) {
            deleteTree(dir);
        } else {
            stdout.println("runs and logs kept in " + dir);
        }
        stdout.println(identical ? "verify: identical across " + runs + " runs" : "verify: runs differ");
        stdout.flush();
        return identical ? 0 : 1;
    }

    private static java.io.File devNull() {
        return new java.io.File(System.getProperty("os.name", "").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    /** Deletes the temporary directory this command made; leaving it behind is not worth failing a verification. */
    private static void deleteTree(Path dir) {
        ConfinedDelete.within(dir).deleteTreeQuietly(dir);
    }
}
