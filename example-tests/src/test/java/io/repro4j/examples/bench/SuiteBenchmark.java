package io.repro4j.examples.bench;

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
 * What {@code @DeterministicTraining} costs a whole suite: the example model tests ({@code *ModelTest}) run (i) once
 * in this JVM, their bodies called directly with a {@link TrainingRun} that trains in-process, (ii) through the JUnit
 * Launcher with the extension, every run in a child JVM of its own ({@code runs = 2}), (iii) the same with
 * {@code repro4j.isolation=class}. Interleaved, medians over the repetitions; Maven's own start-up is in none of them.
 *
 * <p>Not part of the build; run by {@code bench/fork-overhead.sh}. Arguments: {@code [repetitions] [json file]}.
 */
public final class SuiteBenchmark {

    private static final List<String> SUITE = List.of("io.repro4j.examples.CrossSectionalReturnModelTest",
            "io.repro4j.examples.CrossSectionalDirectionModelTest", "io.repro4j.examples.SymbolSpecificModelTest",
            "io.repro4j.examples.NativeXGBoostModelTest");

    private SuiteBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int repetitions = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path results = Files.createTempDirectory(Path.of("target"), "suite-bench-").toAbsolutePath();
        List<Class<?>> classes = new ArrayList<>();
        for (String name : SUITE) {
            classes.add(Class.forName(name));
        }
        List<Double> inProcess = new ArrayList<>();
        List<Double> perTest = new ArrayList<>();
        List<Double> perClass = new ArrayList<>();
        // One untimed round of each: class loading, native libraries, the class-data archive.
        inProcess(classes);
        launch(classes, results, "test");
        launch(classes, results, "class");
        for (int rep = 1; rep <= repetitions; rep++) {
            inProcess.add(inProcess(classes));
            perTest.add(launch(classes, results, "test"));
            perClass.add(launch(classes, results, "class"));
            System.err.printf(Locale.ROOT, "suite rep %d/%d: in-process %.0f ms, per-test %.0f ms, per-class %.0f ms%n",
                    rep, repetitions, last(inProcess), last(perTest), last(perClass));
        }
        double base = median(inProcess);
        double test = median(perTest);
        double cls = median(perClass);
        System.out.printf(Locale.ROOT, "%nExample suite (%d model tests in %d classes), medians over %d repetitions (ms)%n",
                countTests(classes), classes.size(), repetitions);
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

    /** Runs every annotated test body once in this JVM; the wall time. */
    private static double inProcess(List<Class<?>> classes) throws Exception {
        long start = System.nanoTime();
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
        return (System.nanoTime() - start) / 1e6;
    }

    /** Runs the classes through the Launcher with the extension; the wall time. Fails loudly if a test failed. */
    private static double launch(List<Class<?>> classes, Path results, String isolation) {
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request()
                .configurationParameter("repro4j.resultsDir", results.toString())
                .configurationParameter("repro4j.baseline", "off")
                .configurationParameter("repro4j.isolation", isolation);
        classes.forEach(c -> request.selectors(selectClass(c)));
        LauncherDiscoveryRequest discovery = request.build();
        Launcher launcher = LauncherFactory.create();
        AtomicInteger failed = new AtomicInteger();
        List<String> failures = new ArrayList<>();
        long start = System.nanoTime();
        launcher.execute(discovery, new TestExecutionListener() {
            @Override
            public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                if (id.isTest() && result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                    failed.incrementAndGet();
                    failures.add(id.getDisplayName() + ": " + result.getThrowable().map(Throwable::getMessage).orElse("?"));
                }
            }
        });
        double ms = (System.nanoTime() - start) / 1e6;
        if (failed.get() > 0) {
            throw new IllegalStateException("isolation=" + isolation + ": " + failures);
        }
        return ms;
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

    private static double last(List<Double> values) {
        return values.get(values.size() - 1);
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
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
