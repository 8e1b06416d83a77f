package io.repro4j.junit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.repro4j.harness.View;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real child processes that hang, crash or run out of memory, and what the parent makes of them. */
class ChildLauncherIT {

    @TempDir
    Path dir;

    @Test
    void killsTheWholeProcessTreeOnTimeout() throws Exception {
        Path pidFile = dir.resolve("grandchild.pid");
        PlannedRun run = run("hang", pidFile.toString());
        ChildOutcome outcome = ChildLauncher.run(run, Duration.ofSeconds(10));

        assertThat(outcome.timedOut()).isTrue();
        assertThat(outcome.exitCode()).isNull();
        assertThat(Files.exists(pidFile)).as("the child started its grandchild before the timeout").isTrue();
        long grandchild = Long.parseLong(Files.readString(pidFile).trim());
        assertThat(ProcessHandle.of(grandchild).map(ProcessHandle::isAlive).orElse(false))
                .as("grandchild %s still alive", grandchild).isFalse();
        assertThat(VerdictJudge.processProblem(outcome, 2, planFor(run, 10)))
                .contains("Run 1 of 2 timed out after 10 s").contains("killed with its child processes")
                .contains(run.stderr().toString());
    }

    @Test
    void namesTheSignalThatEndedAChild() throws Exception {
        PlannedRun run = run("kill-self");
        ChildOutcome outcome = ChildLauncher.run(run, Duration.ofMinutes(2));

        assertThat(outcome.exitCode()).isEqualTo(137);
        assertThat(VerdictJudge.processProblem(outcome, 2, planFor(run, 120)))
                .contains("Run 1 of 2 crashed: exit code 137 (SIGKILL)");
    }

    @Test
    void saysWhenAChildRanOutOfMemory() throws Exception {
        PlannedRun run = run("oom");
        ChildOutcome outcome = ChildLauncher.run(run, Duration.ofMinutes(2));

        assertThat(outcome.exitCode()).isNotNull().isNotZero();
        assertThat(VerdictJudge.processProblem(outcome, 2, planFor(run, 120)))
                .contains("ran out of memory (-Xmx16m; raise repro4j.child.maxHeap)")
                .contains("OutOfMemoryError");
    }

    private PlannedRun run(String... args) throws Exception {
        Path work = Files.createDirectories(dir.resolve("run-1"));
        List<String> command = new ArrayList<>(List.of(RunPlan.javaExecutable(), "-Xmx16m",
                "-XX:+ExitOnOutOfMemoryError", "-XX:-UsePerfData", "-cp", RunPlan.childClasspath(),
                MisbehavingChild.class.getName()));
        command.addAll(List.of(args));
        ChildRequest request = new ChildRequest("[engine:junit-jupiter]/[method:x()]", "X", "x", "x()", 1, 2, 42, 7,
                "determinism_test", false, null, "x", View.CROSS_SECTIONAL, null, dir.toString(), "x.run-1",
                work.resolve("result.json").toString(), Set.of(), RunPerturbations.none(), true, true, Map.of(), 0);
        return new PlannedRun(request, work, work.resolve("tmp"), work, false, Map.of("PATH", System.getenv("PATH")),
                command);
    }

    private RunPlan planFor(PlannedRun run, long timeoutSeconds) {
        TrainingSpec spec = new TrainingSpec(2, "determinism_test", false, "x", View.CROSS_SECTIONAL, null,
                timeoutSeconds, Set.of(), true, true);
        return new RunPlan("X.x-00000000", run.request().testUniqueId(), dir, dir, spec, null, 7, List.of(run));
    }
}
