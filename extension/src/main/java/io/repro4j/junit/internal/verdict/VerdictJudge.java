package io.repro4j.junit.internal.verdict;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import io.repro4j.junit.ConfigParameter;
import io.repro4j.junit.internal.fork.ChildOutcome;
import io.repro4j.junit.internal.fork.ForkPlan;
import io.repro4j.junit.internal.fork.PlannedChild;
import io.repro4j.junit.internal.protocol.ChildRequest;
import io.repro4j.junit.internal.protocol.ChildResult;
import io.repro4j.junit.internal.protocol.RunPerturbations;
import org.apiguardian.api.API;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * Turns the outcomes of a test's children into a {@link Verdict} and, unless reproducible, the exception that
 * fails the test: which run, what happened, where its log is.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class VerdictJudge {

    /** Lines of a child's stderr quoted in a failure message. */
    static final int TAIL_LINES = 20;

    /**
     * A verdict and what to throw.
     *
     * @param verdict the verdict (also written to the verdict file)
     * @param failure what fails the test, or {@code null} when it passes
     */
    public record Judgement(Verdict verdict, Throwable failure) {
    }

    private VerdictJudge() {
    }

    /** Judges the outcomes of {@code plan}'s runs, comparing snapshots when every run completed. */
    public static Judgement judge(ForkPlan plan, List<ChildOutcome> outcomes) {
        List<Verdict.RunReport> reports = new ArrayList<>();
        for (ChildOutcome o : outcomes) {
            reports.add(report(plan, o));
        }
        int n = outcomes.size();
        // A run that could not complete decides the verdict: its problem is more basic than any difference.
        for (ChildOutcome o : outcomes) {
            String problem = processProblem(o, n, plan);
            if (problem != null) {
                return error(plan, reports, problem, null);
            }
        }
        boolean allAborted = outcomes.stream().allMatch(o -> o.result().status() == ChildResult.Status.ABORTED);
        if (allAborted) {
            ChildResult.Failure f = outcomes.get(0).result().failure();
            String why = f == null ? "aborted" : f.message();
            return new Judgement(verdict(plan, reports, Verdict.Kind.ERROR, "aborted in every run: " + why,
                    Map.of(), List.of(), Map.of()), new TestAbortedException(
                            "Aborted in every child JVM: " + why, f == null ? null : f.toThrowable()));
        }
        for (ChildOutcome o : outcomes) {
            ChildResult r = o.result();
            if (r.status() != ChildResult.Status.SUCCESSFUL) {
                ChildResult.Failure f = r.failure();
                String headline = f == null ? r.status().name() : f.headline();
                String verb = isStrictViolation(f) ? "refused to run in its child JVM" : "failed in its child JVM";
                String message = "Run " + o.run().index() + " of " + n + " " + verb + " ("
                        + perturbationNote(o) + "): " + headline + "\nlog: " + o.run().files().stderr();
                return error(plan, reports, message, f == null ? null : f.toThrowable());
            }
        }
        return SnapshotComparison.compare(plan, outcomes, reports);
    }

    static Judgement error(ForkPlan plan, List<Verdict.RunReport> reports, String message, Throwable cause) {
        return new Judgement(verdict(plan, reports, Verdict.Kind.ERROR, message, Map.of(), List.of(), Map.of()),
                new AssertionFailedError(message, cause));
    }

    static Verdict verdict(ForkPlan plan, List<Verdict.RunReport> reports, Verdict.Kind kind, String message,
            Map<String, String> fingerprints, List<Verdict.Difference> differences, Object environment) {
        ChildRequest.TestInvocation test = plan.test();
        return new Verdict(test.uniqueId(), test.className(), test.methodName(), test.displayName(), plan.testKey(),
                kind, message, List.copyOf(reports), fingerprints, List.copyOf(differences), environment,
                Instant.now().toString(), null, List.of());
    }

    private static Verdict.RunReport report(ForkPlan plan, ChildOutcome o) {
        String status;
        if (o.spawnFailure() != null) {
            status = "NOT_STARTED";
        } else if (o.timedOut()) {
            status = "TIMED_OUT";
        } else if (o.exitCode() == null || o.exitCode() != 0 || o.result() == null) {
            status = "CRASHED";
        } else {
            status = o.result().status().name();
        }
        return new Verdict.RunReport(o.run().index(), status, o.exitCode(), plan.trainSeed(),
                o.result() == null ? null : o.result().cohortDir(), o.run().perturbations().context(),
                o.wallMs(), o.forkOverheadMs(), o.run().files().stderr().toString());
    }

    /** What went wrong with the process itself, or {@code null} when it ran and reported. */
    static String processProblem(ChildOutcome o, int n, ForkPlan plan) {
        PlannedChild run = o.run();
        String which = "Run " + run.index() + " of " + n;
        if (o.spawnFailure() != null) {
            return which + " could not be started: " + o.spawnFailure() + "\ncommand: " + run.files().command();
        }
        String shared = o.sharedNote() == null ? "" : " " + o.sharedNote();
        if (o.timedOut()) {
            return which + " timed out after " + plan.spec().timeoutSeconds() + " s ("
                    + (o.sharedNote() == null ? "timeoutSeconds" : "the sum of the timeoutSeconds of the tests sharing"
                            + " it") + ") and was killed with its child processes." + shared
                    + tail(run.files().stderr()) + "\nlog: " + run.files().stderr() + "\nreplay (from any shell): sh "
                    + run.files().command();
        }
        if (o.exitCode() != 0) {
            Path oomLog = null;
            String oom = null;
            for (Path log : List.of(run.files().stderr(), run.files().stdout())) {
                oom = outOfMemoryLine(log);
                if (oom != null) {
                    oomLog = log;
                    break;
                }
            }
            if (oom != null) {
                // HotSpot announces an OutOfMemoryError on stdout: the log to read is the one that has the line.
                return which + " ran out of memory (-Xmx" + heapOf(run) + "; raise "
                        + ConfigParameter.CHILD_MAX_HEAP.key() + ") and exited with " + ExitCodes.describe(o.exitCode())
                        + ": " + oom.strip() + "." + shared + tail(oomLog) + "\nlog: " + oomLog + "\nreplay (from any shell): sh "
                        + run.files().command();
            }
            return which + " crashed: " + ExitCodes.describe(o.exitCode()) + "." + shared + tail(run.files().stderr())
                    + "\nlog: " + run.files().stderr() + "\nreplay (from any shell): sh " + run.files().command();
        }
        if (o.result() == null) {
            return which + " exited without writing its result " + run.files().result() + "." + shared
                    + tail(run.files().stderr()) + "\nlog: " + run.files().stderr();
        }
        return null;
    }

    static String perturbationNote(ChildOutcome o) {
        RunPerturbations p = o.run().perturbations();
        return p.any() ? "perturbed: " + p.describe() : "unperturbed";
    }

    private static boolean isStrictViolation(ChildResult.Failure f) {
        return f != null && f.className() != null && (f.className().endsWith("StrictEnvironmentException")
                || (f.message() != null && f.message().startsWith("Strict environment")));
    }

    private static String heapOf(PlannedChild run) {
        return run.command().stream().filter(a -> a.startsWith("-Xmx")).reduce((a, b) -> b)
                .map(a -> a.substring(4)).orElse("?");
    }

    /** The line of {@code log} announcing an OutOfMemoryError, or {@code null}. */
    private static String outOfMemoryLine(Path log) {
        try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
            return lines.filter(l -> l.contains("OutOfMemoryError")).findFirst().orElse(null);
        } catch (IOException | java.io.UncheckedIOException e) {
            return null; // an unreadable log just means no OOM hint
        }
    }

    /** The last {@link #TAIL_LINES} lines of a log, indented, or an empty string when there is nothing. */
    static String tail(Path log) {
        Deque<String> last = new ArrayDeque<>();
        try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
            lines.forEach(l -> {
                last.addLast(l);
                if (last.size() > TAIL_LINES) {
                    last.removeFirst();
                }
            });
        } catch (IOException | java.io.UncheckedIOException e) {
            return "";
        }
        String name = log.getFileName().toString();
        if (last.isEmpty()) {
            return " Its " + name + " is empty.";
        }
        StringBuilder sb = new StringBuilder("\nlast lines of " + name + ":");
        for (String l : last) {
            sb.append("\n  | ").append(l);
        }
        return sb.toString();
    }
}
