package io.repro4j.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.repro4j.harness.testkit.ChildJvm;
import io.repro4j.junit.fixtures.ChildLifecycleTestCase;
import io.repro4j.junit.testkit.FixtureExecution;
import io.repro4j.junit.testkit.LauncherMain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Child JVMs as processes: they die with a test JVM killed by {@code kill -9}, stay within the child limit across
 * several test JVMs sharing a results root, and keep bounded logs.
 */
class ChildLifecycleIT {

    private static final String FIXTURE = ChildLifecycleTestCase.class.getName();

    @TempDir
    Path dir;

    /** A test JVM of its own running one fixture method, as Surefire would start one. */
    private ChildJvm testJvm(String name, String method, String... parameters) {
        List<String> args = new ArrayList<>();
        args.add(FIXTURE + "#" + method + "(" + TrainingRun.class.getName() + ")");
        args.add("repro4j.resultsDir=" + dir.resolve("results"));
        args.add("repro4j.configDir=" + FixtureExecution.testConfig());
        args.add("repro4j.baseline=off");
        args.addAll(List.of(parameters));
        return ChildJvm.main(LauncherMain.class, args.toArray(String[]::new)).in(dir).named(name)
                .environment(System.getenv()).jvmFlags(List.of("-Xmx512m"));
    }

    /** Waits, at most {@code limit}, for {@code file} to exist with content; the content. */
    private static String awaitFile(Path file, Duration limit, ChildJvm.Started testJvm) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.isRegularFile(file) && Files.size(file) > 0) {
                return Files.readString(file);
            }
            assertThat(testJvm.process().isAlive()).as("the test JVM is still running").isTrue();
            TimeUnit.MILLISECONDS.sleep(100);
        }
        throw new AssertionError(file + " did not appear within " + limit);
    }

    @Test
    void childrenAndTheirDescendantsEndWithinTwoSecondsOfAKilledTestJvmAndWriteNothingMore() throws Exception {
        Path results = dir.resolve("results");
        ChildJvm.Started testJvm = testJvm("killed", "hangsWithAGrandchild").start();
        List<ProcessHandle> survivors = new ArrayList<>();
        for (int run = 1; run <= 2; run++) {
            for (String pid : awaitFile(results.resolve("hang-" + run + ".pids"), Duration.ofMinutes(2), testJvm)
                    .strip().split(" ")) {
                ProcessHandle.of(Long.parseLong(pid)).ifPresent(survivors::add);
            }
        }
        assertThat(survivors).as("both children and their grandchildren are running").hasSize(4)
                .allMatch(ProcessHandle::isAlive);

        testJvm.process().destroyForcibly(); // SIGKILL: no shutdown hook runs in the test JVM
        Instant killed = Instant.now();
        testJvm.process().waitFor();
        for (ProcessHandle p : survivors) {
            Optional<ProcessHandle> gone = Optional.empty();
            try {
                gone = Optional.of(p.onExit().get(5, TimeUnit.SECONDS));
            } catch (java.util.concurrent.TimeoutException e) {
                // asserted below
            }
            assertThat(gone).as("process %s ended within 5 s of the kill", p.pid()).isPresent();
        }
        try (Stream<Path> files = Files.walk(results)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                FileTime written = Files.getLastModifiedTime(f);
                assertThat(written.toInstant()).as("%s was written after the kill", f).isBefore(killed);
            }
        }
    }

    @Test
    void twoTestJvmsSharingAResultsRootNeverRunMoreChildrenThanTheLimit() throws Exception {
        ChildJvm.Started first = testJvm("first", "trainsForAWhile", "repro4j.parallelChildren=1").start();
        ChildJvm.Started second = testJvm("second", "trainsForAWhileToo", "repro4j.parallelChildren=1").start();
        ChildJvm.Result a = first.await();
        ChildJvm.Result b = second.await();
        assertThat(a.exitCode()).as(a.output()).isZero();
        assertThat(b.exitCode()).as(b.output()).isZero();

        List<long[]> bodies = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir.resolve("results"))) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".times")).toList()) {
                String[] t = Files.readString(f).strip().split(" ");
                bodies.add(new long[] {Long.parseLong(t[0]), Long.parseLong(t[1])});
            }
        }
        assertThat(bodies).as("child bodies of both test JVMs").hasSize(4);
        assertThat(maxOverlap(bodies)).as("children running at once (limit 1)").isEqualTo(1);
    }

    /** The most intervals that contain one instant. */
    private static int maxOverlap(List<long[]> intervals) {
        int max = 0;
        for (long[] i : intervals) {
            int at = 0;
            for (long[] j : intervals) {
                if (j[0] <= i[0] && i[0] < j[1]) {
                    at++;
                }
            }
            max = Math.max(max, at);
        }
        return max;
    }

    @Test
    void aLoudChildKeepsTheHeadAndTailOfItsLogWithinTheLimit() throws IOException {
        FixtureExecution run = FixtureExecution.of(ChildLifecycleTestCase.class).method("printsTwentyMegabytes")
                .configDir(FixtureExecution.testConfig()).parameter("repro4j.child.logLimit", "1m").execute();

        run.tests().assertStatistics(stats -> stats.succeeded(1));
        for (String run1 : List.of("run-1", "run-2")) {
            Path stdout = run.workDirectory().resolve(run1).resolve("stdout.log");
            assertThat(Files.size(stdout)).as("size of %s", stdout).isLessThanOrEqualTo((1 << 20) + 300);
            String text = Files.readString(stdout);
            assertThat(text).startsWith("x").contains("bytes of this log were cut here")
                    .contains("the last line of the loud test");
        }
    }
}
