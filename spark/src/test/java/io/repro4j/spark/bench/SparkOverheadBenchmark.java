package io.repro4j.spark.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.repro4j.harness.results.Json;
import io.repro4j.junit.testkit.BenchStats;
import io.repro4j.junit.testkit.FixtureExecution;
import io.repro4j.spark.DeterministicSpark;
import io.repro4j.spark.fixtures.SparkData;
import io.repro4j.spark.fixtures.SparkTrainingTestCase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * What a Spark determinism check costs per run against the same training once in-process (bench/spark-overhead.sh).
 *
 * <p>{@code children N}: runs {@link SparkOverheadTestCase} N times through the engine (2 child JVMs each, one at a
 * time) and prints the medians of each child's phases: spawn → test body, body → session ready, session → trained,
 * trained → end of body, snapshot writing, and spawn → exit. {@code in-process N}: in this JVM (started in the strict
 * environment), the session once, then the same training N + 1 times: the first fit and the median of the others.
 */
public final class SparkOverheadBenchmark {

    private SparkOverheadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int reps = Integer.parseInt(args[1]);
        if (args[0].equals("children")) {
            children(reps, Path.of(args[2]));
        } else {
            inProcess(reps);
        }
    }

    private static void children(int reps, Path results) throws Exception {
        Map<String, List<Long>> phases = new LinkedHashMap<>();
        for (int i = 0; i < reps; i++) {
            FixtureExecution run = FixtureExecution.of(SparkOverheadTestCase.class).method("canonicalTraining")
                    .configDir(FixtureExecution.testConfig()).resultsRoot(results)
                    .parameter("repro4j.parallelChildren", "1").parameter("repro4j.baseline", "off").execute();
            JsonNode verdict = run.verdict();
            if (!verdict.path("verdict").asText().equals("REPRODUCIBLE")) {
                throw new IllegalStateException("the benchmark's check did not pass: " + verdict.path("message"));
            }
            for (int k = 1; k <= 2; k++) {
                JsonNode result = Json.readTree(run.workDirectory().resolve("run-" + k).resolve("result.json"),
                        "child result");
                long bodyStart = result.path("body_started_at_epoch_ms").asLong();
                long session = result.path("context").path("bench_session_ready_at").asLong();
                long trained = result.path("context").path("bench_trained_at").asLong();
                long body = result.path("phases_ms").path("body").asLong();
                add(phases, "spawn -> test body", result.path("start_to_body_ms").asLong());
                add(phases, "body -> session ready", session - bodyStart);
                add(phases, "session ready -> trained", trained - session);
                add(phases, "trained -> body end (records)", bodyStart + body - trained);
                add(phases, "snapshot written", result.path("phases_ms").path("snapshot_write").asLong());
                add(phases, "spawn -> exit (whole run)", verdict.path("runs").get(k - 1).path("elapsed_ms").asLong());
            }
        }
        System.out.println("Spark determinism check, per run (medians of " + 2 * reps + " child JVMs, one at a time):");
        phases.forEach((name, values) -> System.out.printf("  %-32s %6d ms%n", name, median(values)));
    }

    private static void inProcess(int reps) {
        long t0 = System.nanoTime();
        SparkSession spark = DeterministicSpark.session(SparkTrainingTestCase.WORKERS);
        long session = (System.nanoTime() - t0) / 1_000_000;
        SparkData data = SparkData.generate();
        List<Long> fits = new ArrayList<>();
        long first = 0;
        for (int i = 0; i <= reps; i++) {
            long t = System.nanoTime();
            SparkTrainingTestCase.train(spark, data, 42, true);
            long ms = (System.nanoTime() - t) / 1_000_000;
            if (i == 0) {
                first = ms;
            } else {
                fits.add(ms);
            }
        }
        spark.stop();
        System.out.println("The same training in one JVM (in-process, local[2]):");
        System.out.printf("  %-32s %6d ms%n", "session ready", session);
        System.out.printf("  %-32s %6d ms%n", "first training", first);
        System.out.printf("  %-32s %6d ms%n", "later trainings (median of " + reps + ")", median(fits));
    }

    private static void add(Map<String, List<Long>> phases, String name, long ms) {
        phases.computeIfAbsent(name, k -> new ArrayList<>()).add(ms);
    }

    /** The median in whole milliseconds (rounded down, as the figures are). */
    private static long median(List<Long> values) {
        return (long) BenchStats.median(values);
    }
}
