package io.repro4j.junit.internal.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import io.repro4j.harness.View;
import io.repro4j.harness.results.ResultsLayout;
import io.repro4j.junit.internal.config.TrainingSpec;
import io.repro4j.junit.internal.fork.ChildLauncher;
import io.repro4j.junit.internal.fork.ChildOutcome;
import io.repro4j.junit.internal.fork.ForkPlan;
import io.repro4j.junit.internal.fork.PlannedChild;
import io.repro4j.junit.internal.protocol.ChildRequest;
import io.repro4j.junit.internal.protocol.RunPerturbations;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real child processes that hang, crash or run out of memory: the launcher's outcome and the verdict's words for it. */
class ProcessProblemsIT {

    private static final ChildRequest.TestInvocation TEST =
            new ChildRequest.TestInvocation("[engine:junit-jupiter]/[method:x()]", "X", "x", "x()");

    @TempDir
    Path dir;

    @Test
    void killsTheWholeProcessTreeOnTimeout() throws Exception {
        Path pidFile = dir.resolve("grandchild.pid");
        PlannedChild run = run("hang", pidFile.toString());
        ChildOutcome outcome = ChildLauncher.run(run, Duration.ofSeconds(10), 1 << 20);

        assertThat(outcome.timedOut()).isTrue();
        assertThat(outcome.exitCode()).isNull();
        assertThat(Files.exists(pidFile)).as("the child started its grandchild before the timeout").isTrue();
        long grandchild = Long.parseLong(Files.readString(pidFile).trim());
        assertThat(ProcessHandle.of(grandchild).map(ProcessHandle::isAlive).orElse(false))
                .as("grandchild %s still alive", grandchild).isFalse();
        assertThat(VerdictJudge.processProblem(outcome, 2, planFor(run, 10)))
                .contains("Run 1 of 2 timed out after 10 s").contains("killed with its child processes")
                .contains(run.files().stderr().toString());
    }

    @Test
    void namesTheSignalThatEndedAChild() throws Exception {
        PlannedChild run = run("kill-self");
        ChildOutcome outcome = ChildLauncher.run(run, Duration.ofMinutes(2), 1 << 20);

        assertThat(outcome.exitCode()).isEqualTo(137);
        assertThat(VerdictJudge.processProblem(outcome, 2, planFor(run, 120)))
                .contains("Run 1 of 2 crashed: exit code 137 (SIGKILL)");
    }

    @Test
    void saysWhenAChildRanOutOfMemory() throws Exception {
        PlannedChild run = run("oom");
        ChildOutcome outcome = ChildLauncher.run(run, Duration.ofMinutes(2), 1 << 20);

        assertThat(outcome.exitCode()).isNotNull().isNotZero();
        assertThat(VerdictJudge.processProblem(outcome, 2, planFor(run, 120)))
                .contains("ran out of memory (-Xmx16m; raise repro4j.child.maxHeap)")
                .contains("OutOfMemoryError")
                // HotSpot writes that line to stdout: the message points at the log that has it.
                .contains("last lines of stdout.log:").contains("\nlog: " + run.files().stdout())
                .doesNotContain("stderr.log is empty");
    }

    private PlannedChild run(String... args) throws Exception {
        ResultsLayout results = ResultsLayout.of(dir);
        ResultsLayout.ChildFiles files = results.child("X.x-00000000", 1);
        Files.createDirectories(files.dir());
        List<String> command = new ArrayList<>(List.of(ForkPlan.javaExecutable(), "-Xmx16m",
                "-XX:+ExitOnOutOfMemoryError", "-XX:-UsePerfData", "-cp", ForkPlan.childClasspath(),
                MisbehavingChild.class.getName()));
        command.addAll(List.of(args));
        ChildRequest request = new ChildRequest(new ChildRequest.TestEntry(TEST, List.of(),
                new ChildRequest.Training("determinism_test", "x", View.CROSS_SECTIONAL, null, 7, true, true, Map.of())),
                new ChildRequest.RunSpec(1, 2, Set.of(), RunPerturbations.none()),
                new ChildRequest.Output(dir.toString(), files.dir().toString(), null, false),
                new ChildRequest.Launch(Map.of(), 0, Map.of()));
        return new PlannedChild(request, files, files.dir(), Map.of("PATH", System.getenv("PATH")), command);
    }

    private ForkPlan planFor(PlannedChild run, long timeoutSeconds) {
        TrainingSpec spec = new TrainingSpec(2, "determinism_test", false, "x", View.CROSS_SECTIONAL, null,
                timeoutSeconds, Set.of(), true, true, io.repro4j.junit.Isolation.TEST);
        return new ForkPlan(TEST, "X.x-00000000", ResultsLayout.of(dir), spec, null, 7, List.of(run), null);
    }
}
