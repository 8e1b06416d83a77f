package io.repro4j.examples.bench;

import static io.repro4j.junit.testkit.BenchStats.last;
import static io.repro4j.junit.testkit.BenchStats.median;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.repro4j.harness.Dataset;
import io.repro4j.harness.Determinism;
import io.repro4j.harness.Estimator;
import io.repro4j.harness.Library;
import io.repro4j.harness.ProblemKind;
import io.repro4j.junit.DeterministicTraining;
import io.repro4j.junit.TrainingRun;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * What {@code @DeterministicTraining} costs a whole suite, as a team feels it under {@code mvn test} without Maven's
 * own start-up: the example model tests ({@code *ModelTest}) run in a fresh test JVM each time, (i) once in-process,
 * their bodies called directly with a {@link TrainingRun} that trains in that JVM, (ii) through the JUnit Launcher
 * with the extension, every run in a child JVM of its own ({@code runs = 2}), (iii) the same with
 * {@code repro4j.isolation=class}. Each measurement is the wall time of that test JVM from start to exit; the
 * variants are interleaved, after one untimed round; medians over the repetitions.
 *
 * <p>Not part of the build; run by {@code bench/fork-overhead.sh}. Arguments: {@code [repetitions] [json file]}, or
 * {@code once <in-process|test|class> <results dir>} for one measured test JVM.
 */
public final class SuiteBenchmark {

    private static final List<String> SUITE = List.of("io.repro4j.examples.CrossSectionalReturnModelTest",
            "io.repro4j.examples.CrossSectionalDirectionModelTest", "io.repro4j.examples.SymbolSpecificModelTest",
            "io.repro4j.examples.NativeXGBoostModelTest");
    private static final List<String> VARIANTS = List.of("in-process", "test", "class");

    private SuiteBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<Class<?>> classes = new ArrayList<>();
        for (String name : SUITE) {
            classes.add(Class.forName(name));
        }
        if (args.length > 0 && args[0].equals("once")) {
            if (args[1].equals("in-process")) {
                inProcess(classes);
            } else {
                launch(classes, Path.of(args[2]), args[1]);
            }
            System.exit(0);
        }
        int repetitions = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path results = Files.createTempDirectory(Path.of("target"), "suite-bench-").toAbsolutePath();
        Map<String, List<Double>> wall = new LinkedHashMap<>();
        VARIANTS.forEach(v -> wall.put(v, new ArrayList<>()));
        for (int rep = 0; rep <= repetitions; rep++) {
            for (String variant : VARIANTS) {
                double ms = testJvm(variant, results);
                if (rep > 0) {
                    wall.get(variant).add(ms);
                }
            }
            if (rep > 0) {
                System.err.printf(Locale.ROOT, "suite rep %d/%d: in-process %.0f ms, per-test %.0f ms, per-class %.0f"
                        + " ms%n", rep, repetitions, last(wall.get("in-process")), last(wall.get("test")),
                        last(wall.get("class")));
            }
        }
        double base = median(wall.get("in-process"));
        double test = median(wall.get("test"));
        double cls = median(wall.get("class"));
        System.out.printf(Locale.ROOT, "%nExample suite (%d model tests in %d classes), one test JVM each, medians over"
                + " %d repetitions (ms, test JVM start to exit)%n", countTests(classes), classes.size(), repetitions);
        System.out.printf(Locale.ROOT, "%-28s %10s %10s %10s %8s %8s%n", "suite", "in-proc", "per-test", "per-class",
                "test/in", "class/in");
        System.out.printf(Locale.ROOT, "%-28s %10.0f %10.0f %10.0f %8.2f %8.2f%n", "runs = 2", base, test, cls,
                test / base, cls / base);
        Map<String, Double> json = new LinkedHashMap<>();
        json.put("in_process_ms", base);
        json.put("per_test_runs2_ms", test);
        json.put("class_runs2_ms", cls);
        if (args.length > 1) {
            Files.writeString(Path.of(args[1]), new ObjectMapper().writeValueAsString(json));
        }
    }

    /** Starts a test JVM like this one that runs the suite once as {@code variant}; its wall time, start to exit. */
    private static double testJvm(String variant, Path results) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> !a.startsWith("-agentlib") && !a.startsWith("-javaagent")).toList());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), SuiteBenchmark.class.getName(), "once",
                variant, results.toString()));
        Path log = results.resolve(variant + ".log");
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        int exit = process.waitFor();
        double ms = (System.nanoTime() - start) / 1e6;
        if (exit != 0) {
            throw new IllegalStateException("the " + variant + " test JVM exited with " + exit + "; see " + log);
        }
        return ms;
    }

    /** Runs every annotated test body once in this JVM. */
    private static void inProcess(List<Class<?>> classes) throws Exception {
        for (Class<?> c : classes) {
            Constructor<?> constructor = c.getDeclaredConstructor();
            constructor.setAccessible(true);
            for (Method m : c.getDeclaredMethods()) {
                DeterministicTraining annotation = m.getAnnotation(DeterministicTraining.class);
                if (annotation == null) {
                    continue;
                }
                m.setAccessible(true);
                m.invoke(constructor.newInstance(), new InProcessRun(annotation, m));
            }
        }
    }

    /** Runs the classes through the Launcher with the extension. Fails loudly if a test failed. */
    private static void launch(List<Class<?>> classes, Path results, String isolation) {
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request()
                .configurationParameter("repro4j.resultsDir", results.toString())
                .configurationParameter("repro4j.baseline", "off")
                .configurationParameter("repro4j.isolation", isolation);
        classes.forEach(c -> request.selectors(selectClass(c)));
        LauncherDiscoveryRequest discovery = request.build();
        Launcher launcher = LauncherFactory.create();
        AtomicInteger failed = new AtomicInteger();
        List<String> failures = new ArrayList<>();
        launcher.execute(discovery, new TestExecutionListener() {
            @Override
            public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                if (id.isTest() && result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                    failed.incrementAndGet();
                    failures.add(id.getDisplayName() + ": " + result.getThrowable().map(Throwable::getMessage).orElse("?"));
                }
            }
        });
        if (failed.get() > 0) {
            throw new IllegalStateException("isolation=" + isolation + ": " + failures);
        }
    }

    private static int countTests(List<Class<?>> classes) {
        int n = 0;
        for (Class<?> c : classes) {
            for (Method m : c.getDeclaredMethods()) {
                n += m.isAnnotationPresent(DeterministicTraining.class) ? 1 : 0;
            }
        }
        return n;
    }

    /** The training run of a test body called directly: it trains here, with the seed the children would use. */
    private record InProcessRun(DeterministicTraining annotation, Method method) implements TrainingRun {

        @Override
        public long seed() {
            String target = annotation.target().isEmpty() ? method.getName() : annotation.target();
            String symbol = annotation.symbol().isEmpty() ? null : annotation.symbol();
            return Determinism.resolveSeed("training", target, symbol, annotation.view().name());
        }

        @Override
        public int runIndex() {
            return 1;
        }

        @Override
        public Estimator createEstimator(Library library, Map<String, ?> params, ProblemKind kind) {
            return Determinism.createEstimator(library, params, seed(), kind);
        }

        @Override
        public void recordMetrics(Map<String, ?> metrics) {
        }

        @Override
        public void recordPredictions(double[] predictions) {
        }

        @Override
        public void recordPredictions(double[] predictions, List<String> rowIds) {
        }

        @Override
        public void recordPredictions(float[][] predictions) {
        }

        @Override
        public void recordPredictions(double[][] predictions) {
        }

        @Override
        public void recordDataset(String dataDir, List<String> symbols, Dataset data) {
        }

        @Override
        public void recordDataset(String dataDir, List<String> symbols, String dataSha256) {
        }

        @Override
        public void putContext(String key, Object value) {
        }
    }
}
