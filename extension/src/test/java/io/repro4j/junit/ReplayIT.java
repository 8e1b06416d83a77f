package io.repro4j.junit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.repro4j.harness.fingerprint.Sha256;
import io.repro4j.harness.snapshot.Snapshot;
import io.repro4j.junit.fixtures.DeterministicXgboostRegressionTestCase;
import io.repro4j.junit.fixtures.WallClockSeedTestCase;
import io.repro4j.junit.testkit.FixtureExecution;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code sh …/run-<k>/command.txt} replays one run from a fresh shell: it re-creates what the run needs (its temp
 * directory is gone by then), says where its output went and whether the fingerprints equal the original run's, exits
 * non-zero when they do not, and leaves the original run's files untouched.
 */
class ReplayIT {

    private record Replay(int exitCode, String stderr, Path dir) {
    }

    /** Runs the script with a clean environment from {@code /}, as someone would paste it into a new terminal. */
    private static Replay replay(Path script) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("sh", script.toString()).directory(Path.of("/").toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().clear();
        pb.environment().put("PATH", System.getenv("PATH"));
        Process p = pb.start();
        String stderr = new String(p.getErrorStream().readAllBytes());
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("the replay finished").isTrue();
        Path dir = stderr.lines().filter(l -> l.contains("output in ")).findFirst()
                .map(l -> Path.of(l.substring(l.indexOf("output in ") + "output in ".length()).strip()))
                .orElseThrow(() -> new AssertionError("the replay did not say where its output went:\n" + stderr));
        return new Replay(p.exitValue(), stderr, dir);
    }

    /** Every file under {@code root} except replay directories, with its digest. */
    private static Map<Path, String> files(Path... roots) {
        Map<Path, String> out = new TreeMap<>();
        for (Path root : roots) {
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path f : walk.filter(Files::isRegularFile)
                        .filter(f -> !f.toString().contains("/replay-")).toList()) {
                    out.put(f, Sha256.hex(Files.readAllBytes(f)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    private static Path runDir(FixtureExecution run, int k) {
        return Path.of(run.verdict().path("runs").get(k - 1).path("snapshot_dir").asText());
    }

    @Test
    void aReplayFromAFreshShellReproducesTheRunAndLeavesItsFilesUntouched() throws Exception {
        FixtureExecution run = FixtureExecution.execute(DeterministicXgboostRegressionTestCase.class,
                "trainsReproducibly");
        Path work = run.workDirectory().resolve("run-2");
        assertThat(work.resolve("tmp")).as("the run's temp directory is gone after the test").doesNotExist();
        Map<Path, String> before = files(work, runDir(run, 2));

        Replay replay = replay(work.resolve("command.txt"));

        assertThat(replay.exitCode()).as(replay.stderr()).isZero();
        assertThat(replay.stderr()).contains("repro4j replay of run 2 of 2").contains(": SUCCESSFUL")
                .contains("fingerprints: identical to the original run's");
        assertThat(replay.dir()).startsWith(work);
        JsonNode result = io.repro4j.harness.results.Json.readTree(replay.dir().resolve("result.json"), "result");
        Snapshot replayed = Snapshot.read(Path.of(result.path("cohort_dir").asText()));
        assertThat(replayed.fingerprints()).isEqualTo(Snapshot.read(runDir(run, 2)).fingerprints());
        assertThat(files(work, runDir(run, 2))).as("the original run's files").isEqualTo(before);
    }

    @Test
    void aReplayOfADifferingRunExitsNonZeroNamingWhatMoved() throws Exception {
        FixtureExecution run = FixtureExecution.execute(WallClockSeedTestCase.class, "seedsTheModelFromTheClock");

        Replay replay = replay(run.workDirectory().resolve("run-2").resolve("command.txt"));

        assertThat(replay.exitCode()).isEqualTo(1);
        assertThat(replay.stderr()).contains("fingerprints differ from the original run's: ")
                .contains("model_sha256");
    }
}
