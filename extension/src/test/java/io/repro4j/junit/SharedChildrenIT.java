package io.repro4j.junit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.repro4j.harness.testkit.ChildJvm;
import io.repro4j.junit.fixtures.BuildWideIsolationTestCase;
import io.repro4j.junit.fixtures.SharedChildFailuresTestCase;
import io.repro4j.junit.fixtures.SharedChildrenTestCase;
import io.repro4j.junit.fixtures.OrderDependentTestCase;
import io.repro4j.junit.testkit.FixtureExecution;
import io.repro4j.junit.testkit.LauncherMain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code Isolation.CLASS}: run k of the tests of one class in one child JVM, each test still judged on its own; the
 * order the tests share a JVM in is perturbed by {@code TEST_ORDER}; a crash or a timeout fails every test the
 * child had not finished, naming the one it was running.
 */
class SharedChildrenIT {

    @TempDir
    Path results;

    private FixtureExecution execute(Class<?> fixture) {
        return FixtureExecution.of(fixture).configDir(FixtureExecution.testConfig()).resultsRoot(results).execute();
    }

    /** The process directories ({@code work/<key>/run-<k>}) the execution started child JVMs in. */
    private Set<String> childJvms() throws IOException {
        Set<String> out = new TreeSet<>();
        try (Stream<Path> keys = Files.list(results.resolve("work"))) {
            for (Path key : keys.toList()) {
                try (Stream<Path> runs = Files.list(key)) {
                    runs.filter(r -> Files.exists(r.resolve("stderr.log")))
                            .forEach(r -> out.add(key.getFileName() + "/" + r.getFileName()));
                }
            }
        }
        return out;
    }

    @Test
    void theTestsOfAClassShareOneChildJvmPerRunAndAreJudgedOneByOne() throws IOException {
        FixtureExecution run = execute(SharedChildrenTestCase.class);

        run.tests().assertStatistics(stats -> stats.started(5).succeeded(5));
        for (String method : List.of("xgboost", "lightGbm", "ownChildren")) {
            assertThat(run.verdictOf(method).path("verdict").asText()).as(method).isEqualTo("REPRODUCIBLE");
        }
        List<JsonNode> parameterized = run.verdictsOf("xgboostWithDepth");
        assertThat(parameterized).hasSize(2).allSatisfy(v -> assertThat(v.path("verdict").asText())
                .isEqualTo("REPRODUCIBLE"));
        assertThat(parameterized.get(0).path("fingerprints").path("model_sha256").asText())
                .as("two invocations, two models")
                .isNotEqualTo(parameterized.get(1).path("fingerprints").path("model_sha256").asText());

        // 2 shared JVMs for the four invocations that share, 2 of its own for ownChildren: 4, not 10.
        Set<String> jvms = childJvms();
        assertThat(jvms).hasSize(4);
        String ownKey = run.verdictOf("ownChildren").path("test_key").asText();
        assertThat(jvms).contains(ownKey + "/run-1", ownKey + "/run-2");
        String sharedLog = run.verdictOf("xgboost").path("runs").path(1).path("log").asText();
        assertThat(sharedLog).contains(".shared-").endsWith("run-2/stderr.log")
                .isEqualTo(run.verdictOf("lightGbm").path("runs").path(1).path("log").asText());
        // Each invocation has its own snapshot tree, as with children of its own.
        for (JsonNode v : parameterized) {
            assertThat(Path.of(v.path("runs").path(1).path("snapshot_dir").asText()))
                    .isDirectory().startsWith(results.resolve("runs").resolve(v.path("test_key").asText() + ".run-2"));
        }
    }

    @Test
    void aBuildCanShareTheChildrenOfEveryClassWithOneParameter() throws IOException {
        FixtureExecution run = FixtureExecution.of(BuildWideIsolationTestCase.class)
                .configDir(FixtureExecution.testConfig()).resultsRoot(results)
                .parameter(ConfigParameter.ISOLATION.key(), "class").execute();

        run.tests().assertStatistics(stats -> stats.started(2).succeeded(2));
        assertThat(childJvms()).hasSize(2).allMatch(jvm -> jvm.startsWith("BuildWideIsolationTestCase.shared-"));
    }

    @Test
    void underTheLauncherASharedChildRunsOnlyTheTestsTheBuildSelected() throws Exception {
        String method = SharedChildrenTestCase.class.getName() + "#lightGbm(" + TrainingRun.class.getName() + ")";
        ChildJvm.Result testJvm = ChildJvm.main(LauncherMain.class, method, "repro4j.resultsDir=" + results,
                        "repro4j.configDir=" + FixtureExecution.testConfig(), "repro4j.baseline=off")
                .in(results.getParent()).named("selected").environment(System.getenv())
                .jvmFlags(List.of("-Xmx512m")).run();

        assertThat(testJvm.exitCode()).as(testJvm.output()).isZero();
        Set<String> jvms = childJvms();
        assertThat(jvms).hasSize(2).allMatch(jvm -> jvm.startsWith("SharedChildrenTestCase.shared-"));
        try (Stream<Path> tests = Files.list(results.resolve("work").resolve(jvms.iterator().next().split("/")[0])
                .resolve("run-1").resolve("tests"))) {
            assertThat(tests.map(p -> p.getFileName().toString()).toList()).singleElement()
                    .satisfies(key -> assertThat(key).startsWith("SharedChildrenTestCase.lightGbm-"));
        }
    }

    @Test
    void anotherTestOrderExposesATestThatDependsOnWhatAnEarlierOneLeftInTheJvm() {
        FixtureExecution perturbed = execute(OrderDependentTestCase.Perturbed.class);

        JsonNode reads = perturbed.verdictOf("bReadsTheCache");
        assertThat(reads.path("verdict").asText()).isEqualTo("DIFFERS");
        assertThat(reads.path("message").asText().lines().findFirst().orElseThrow())
                .contains("model_sha256").endsWith("(identity-hash shift 17, tests in reverse order).");
        assertThat(perturbed.verdictOf("aWarmsTheCache").path("verdict").asText()).isEqualTo("REPRODUCIBLE");
        assertThat(reads.path("runs").path(1).path("perturbations").path("test_order").asText()).isEqualTo("reverse");
    }

    @Test
    void inTheSameOrderInEveryRunTheDependenceStaysHidden() {
        FixtureExecution unperturbed = execute(OrderDependentTestCase.Unperturbed.class);

        unperturbed.tests().assertStatistics(stats -> stats.started(2).succeeded(2));
    }

    @Test
    void aCrashFailsTheTestItWasRunningAndEveryTestAfterItButNotTheOnesItFinished() {
        FixtureExecution run = execute(SharedChildFailuresTestCase.Crash.class);

        assertThat(run.verdictOf("aPasses").path("verdict").asText()).isEqualTo("REPRODUCIBLE");
        JsonNode crashed = run.verdictOf("bCrashes");
        assertThat(crashed.path("verdict").asText()).isEqualTo("ERROR");
        assertThat(crashed.path("message").asText()).startsWith("Run 2 of 2 crashed: exit code 137 (SIGKILL).")
                .contains("shared by the tests of " + SharedChildFailuresTestCase.Crash.class.getName())
                .contains("while running this test");
        JsonNode after = run.verdictOf("cNeverRuns");
        assertThat(after.path("verdict").asText()).isEqualTo("ERROR");
        assertThat(after.path("message").asText()).startsWith("Run 2 of 2 crashed")
                .contains("while running " + crashed.path("test_key").asText() + ", before this test finished");
    }

    @Test
    void aHangingTestTimesOutItsSharedChildAndNothingIsLeftRunning() {
        FixtureExecution run = execute(SharedChildFailuresTestCase.Hang.class);

        assertThat(run.verdictOf("aPasses").path("verdict").asText()).isEqualTo("REPRODUCIBLE");
        JsonNode hung = run.verdictOf("bHangs");
        assertThat(hung.path("verdict").asText()).isEqualTo("ERROR");
        assertThat(hung.path("message").asText()).startsWith("Run 2 of 2 timed out after 12 s")
                .contains("while running this test");
        assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList())
                .as("processes left behind").isEmpty();
    }
}
