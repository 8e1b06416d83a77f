package io.repro4j.junit.bench;

import static io.repro4j.junit.testkit.BenchStats.last;
import static io.repro4j.junit.testkit.BenchStats.median;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * Measures what {@code @DeterministicTraining} costs over running a training test once in-process: wall time of
 * the plain test, of the same test with 2 and with 3 child runs, and the per-run fork overhead the verdict records.
 * All variants run interleaved in one JVM so they share the machine's conditions; medians over the repetitions.
 *
 * <p>Not part of the build; run {@code bench/fork-overhead.sh}. Arguments: {@code [repetitions] [sizes]}, e.g.
 * {@code 5 small,medium}.
 */
public final class ForkOverheadBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ForkOverheadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int repetitions = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        List<BenchmarkTraining> sizes = args.length > 1
                ? Arrays.stream(args[1].split(",")).map(s -> BenchmarkTraining.valueOf(s.trim().toUpperCase(Locale.ROOT))).toList()
                : List.of(BenchmarkTraining.values());
        Path results = Path.of(System.getProperty("repro4j.resultsDir", "target/repro4j")).toAbsolutePath();
        String configDir = System.getProperty("repro4j.configDir");

        List<String> rows = new ArrayList<>();
        List<String> phaseRows = new ArrayList<>();
        Map<String, Map<String, Double>> json = new LinkedHashMap<>();
        for (BenchmarkTraining size : sizes) {
            String prefix = size.name().toLowerCase(Locale.ROOT);
            String[] methods = {prefix + "InProcess", prefix + "TwoRuns", prefix + "ThreeRuns"};
            List<List<Double>> wall = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
            List<Double> forkOverhead = new ArrayList<>();
            List<Double> childElapsed = new ArrayList<>();
            Map<String, List<Double>> phaseWall = new LinkedHashMap<>();
            Map<String, List<Double>> phaseCpu = new LinkedHashMap<>();
            // One untimed round: loads the native library and the extension's classes in this JVM.
            for (String method : methods) {
                execute(method, configDir);
            }
            for (int rep = 1; rep <= repetitions; rep++) {
                for (int v = 0; v < methods.length; v++) {
                    double ms = execute(methods[v], configDir);
                    wall.get(v).add(ms);
                    if (v > 0) {
                        String subject = methods[v];
                        JsonNode verdict = latestVerdict(results, subject).orElseThrow(() ->
                                new IllegalStateException("no verdict file for " + subject + " under " + results));
                        for (JsonNode run : verdict.path("runs")) {
                            if (run.hasNonNull("fork_overhead_ms")) {
                                forkOverhead.add(run.get("fork_overhead_ms").asDouble());
                            }
                            if (run.hasNonNull("elapsed_ms")) {
                                childElapsed.add(run.get("elapsed_ms").asDouble());
                            }
                            collectPhases(run, phaseWall, phaseCpu);
                        }
                    }
                }
                System.err.printf(Locale.ROOT, "%s rep %d/%d: in-process %.0f ms, runs=2 %.0f ms, runs=3 %.0f ms%n",
                        size, rep, repetitions, last(wall.get(0)), last(wall.get(1)), last(wall.get(2)));
            }
            double base = median(wall.get(0));
            double two = median(wall.get(1));
            double three = median(wall.get(2));
            rows.add(String.format(Locale.ROOT, "%-32s %10.0f %10.0f %10.0f %8.2f %8.2f %12.0f %12.0f",
                    size, base, two, three, two / base, three / base, median(forkOverhead), median(childElapsed)));
            phaseRows.add(String.format(Locale.ROOT, "%-32s %s", size, phaseTable(phaseWall, phaseCpu)));
            Map<String, Double> figures = new LinkedHashMap<>();
            figures.put("in_process_ms", base);
            figures.put("runs2_ms", two);
            figures.put("runs3_ms", three);
            figures.put("fork_overhead_ms", median(forkOverhead));
            figures.put("child_ms", median(childElapsed));
            figures.put("snapshot_write_ms", median(phaseWall.getOrDefault("snapshot_write", List.of())));
            json.put(prefix, figures);
        }
        System.out.printf(Locale.ROOT, "%nMedians over %d repetitions (ms; wall time of one engine execution in this JVM)%n",
                repetitions);
        System.out.printf(Locale.ROOT, "%-32s %10s %10s %10s %8s %8s %12s %12s%n", "training", "in-proc",
                "runs=2", "runs=3", "(ii)/(i)", "(iii)/(i)", "fork ovh/run", "child/run");
        rows.forEach(System.out::println);
        System.out.println();
        System.out.println("Child phases, medians over every forked run (ms, wall / CPU of the whole child process):");
        phaseRows.forEach(System.out::println);
        System.out.println();
        System.out.println("fork ovh/run: median of the verdicts' runs[].fork_overhead_ms (child start to test-body start);");
        System.out.println("child/run: median of runs[].elapsed_ms. Children run in parallel up to the core count ("
                + Runtime.getRuntime().availableProcessors() + " here).");
        System.out.println("Rerun: bench/fork-overhead.sh [repetitions] [small,medium]");
        String jsonFile = System.getProperty("repro4j.bench.json");
        if (jsonFile != null) {
            Files.writeString(Path.of(jsonFile), JSON.writeValueAsString(json));
        }
    }

    /** Runs one benchmark method through the Jupiter engine and returns its wall time; fails loudly if it failed. */
    private static double execute(String method, String configDir) {
        EngineTestKit.Builder builder = EngineTestKit.engine("junit-jupiter")
                .selectors(selectMethod(ForkOverheadTestCase.class, findMethod(method)));
        if (configDir != null) {
            builder.configurationParameter("repro4j.configDir", configDir);
        }
        long start = System.nanoTime();
        EngineExecutionResults results = builder.execute();
        double ms = (System.nanoTime() - start) / 1e6;
        for (Event event : results.testEvents().finished().list()) {
            TestExecutionResult result = event.getPayload(TestExecutionResult.class).orElseThrow();
            if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                throw new IllegalStateException(method + " did not pass: "
                        + result.getThrowable().map(Throwable::toString).orElse(result.getStatus().toString()));
            }
        }
        if (results.testEvents().finished().count() != 1) {
            throw new IllegalStateException(method + " did not run exactly once");
        }
        return ms;
    }

    private static java.lang.reflect.Method findMethod(String name) {
        return Arrays.stream(ForkOverheadTestCase.class.getDeclaredMethods())
                .filter(m -> m.getName().equals(name)).findFirst().orElseThrow();
    }

    /** The newest verdict whose {@code test_method} is {@code method}. */
    private static Optional<JsonNode> latestVerdict(Path results, String method) throws IOException {
        Path verdicts = results.resolve("verdicts");
        if (!Files.isDirectory(verdicts)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(verdicts)) {
            List<Path> candidates = files.filter(p -> p.toString().endsWith(".json"))
                    .sorted(Comparator.comparing(ForkOverheadBenchmark::modified).reversed()).toList();
            for (Path file : candidates) {
                JsonNode verdict = JSON.readTree(file.toFile());
                if (method.equals(verdict.path("test_method").asText())) {
                    return Optional.of(verdict);
                }
            }
        }
        return Optional.empty();
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    /** Adds the phases of the run's {@code result.json} (next to its {@code log}) to the lists. */
    private static void collectPhases(JsonNode run, Map<String, List<Double>> wall, Map<String, List<Double>> cpu)
            throws IOException {
        if (!run.hasNonNull("log")) {
            return;
        }
        Path result = Path.of(run.get("log").asText()).resolveSibling("result.json");
        if (!Files.isRegularFile(result)) {
            return;
        }
        JsonNode node = JSON.readTree(result.toFile());
        node.path("phases_ms").fields().forEachRemaining(e ->
                wall.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue().asDouble()));
        node.path("phases_cpu_ms").fields().forEachRemaining(e ->
                cpu.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue().asDouble()));
    }

    private static String phaseTable(Map<String, List<Double>> wall, Map<String, List<Double>> cpu) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, List<Double>> e : wall.entrySet()) {
            sb.append(String.format(Locale.ROOT, "%s %.0f/%.0f  ", e.getKey(), median(e.getValue()),
                    median(cpu.getOrDefault(e.getKey(), List.of()))));
        }
        return sb.toString().trim();
    }
}
