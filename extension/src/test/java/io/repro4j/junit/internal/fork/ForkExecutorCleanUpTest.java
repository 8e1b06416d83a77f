package io.repro4j.junit.internal.fork;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.repro4j.harness.View;
import io.repro4j.harness.results.ResultsLayout;
import io.repro4j.junit.internal.config.TrainingSpec;
import io.repro4j.junit.internal.protocol.ChildRequest;
import io.repro4j.junit.internal.protocol.RunPerturbations;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The clean-up after a test's children deletes only what repro4j made under the results root: a run whose fresh
 * working directory points anywhere else (the module directory, say) is refused loudly, and that directory stays.
 */
class ForkExecutorCleanUpTest {

    private static final ChildRequest.TestInvocation TEST =
            new ChildRequest.TestInvocation("[engine:junit-jupiter]/[method:x()]", "X", "x", "x()");
    private static final String KEY = "X.x-00000000";

    @TempDir
    Path dir;

    @Test
    void refusesToDeleteAFreshWorkingDirectoryOutsideTheResultsRoot() throws Exception {
        Path module = dir.resolve("module");
        Files.createDirectories(module.resolve("target"));
        Files.writeString(module.resolve("pom.xml"), "<project/>");
        ResultsLayout results = ResultsLayout.of(module.resolve("target/repro4j"));
        ForkPlan plan = planWithWorkingDirectory(results, module);

        assertThatThrownBy(() -> ForkExecutor.execute(plan, 1, 1 << 20))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("refused to delete " + module)
                .hasMessageContaining("not inside " + results.work());

        assertThat(module.resolve("pom.xml")).hasContent("<project/>");
        assertThat(module.resolve("target")).isDirectory();
    }

    @Test
    void deletesTheRunsOwnTemporaryAndWorkingDirectories() throws Exception {
        ResultsLayout results = ResultsLayout.of(dir.resolve("root"));
        ForkPlan plan = planWithWorkingDirectory(results, results.child(KEY, 1).freshWorkingDirectory());

        List<ChildOutcome> outcomes = ForkExecutor.execute(plan, 1, 1 << 20);

        assertThat(outcomes).singleElement().satisfies(o -> assertThat(o.exitCode()).isZero());
        assertThat(results.child(KEY, 1).freshWorkingDirectory()).doesNotExist();
        assertThat(results.child(KEY, 1).tmp()).doesNotExist();
        assertThat(results.child(KEY, 1).stdout()).exists();
    }

    private static ForkPlan planWithWorkingDirectory(ResultsLayout results, Path workingDirectory) {
        ResultsLayout.ChildFiles files = results.child(KEY, 1);
        RunPerturbations freshDirectory = new RunPerturbations(0, null, null, null, null, true, 0, null);
        ChildRequest request = new ChildRequest(new ChildRequest.TestEntry(TEST, List.of(),
                new ChildRequest.Training("determinism_test", "x", View.CROSS_SECTIONAL, null, 7, true, true, Map.of())),
                new ChildRequest.RunSpec(1, 1, Set.of(), freshDirectory),
                new ChildRequest.Output(results.root().toString(), files.dir().toString(), null, false),
                new ChildRequest.Launch(Map.of(), 0, Map.of()));
        PlannedChild run = new PlannedChild(request, files, workingDirectory, Map.of("PATH", System.getenv("PATH")),
                List.of("sh", "-c", "exit 0"));
        TrainingSpec spec = new TrainingSpec(1, "determinism_test", false, "x", View.CROSS_SECTIONAL, null, 60,
                Set.of(), true, true, io.repro4j.junit.Isolation.TEST);
        return new ForkPlan(TEST, KEY, results, spec, null, 7, List.of(run), null);
    }
}
