package io.repro4j.junit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

/**
 * The test kit's way to run one fixture method through the Jupiter engine with {@link EngineTestKit} and gives access to what it left:
 * events, published report entries, and the per-test verdict file.
 */
public final class FixtureExecution {

    /** The extension's results root for tests run from the module directory. */
    public static final Path RESULTS_ROOT = Path.of("target", "repro4j").toAbsolutePath();
    /** Where the extension keeps per-test child work directories. */
    public static final Path WORK_ROOT = RESULTS_ROOT.resolve("work");
    /** Where the extension writes one verdict JSON per test. */
    public static final Path VERDICTS = RESULTS_ROOT.resolve("verdicts");

    /** {@code repro4j.baselineDir}. */
    static final String BASELINE_DIR = io.repro4j.junit.ConfigParameter.BASELINE_DIR.key();

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Class<?> fixture;
    private final Method method;
    private final FileTime started;
    private final EngineExecutionResults results;
    private final Path verdicts;

    private FixtureExecution(Class<?> fixture, Method method, FileTime started, EngineExecutionResults results,
            Path verdicts) {
        this.fixture = fixture;
        this.method = method;
        this.started = started;
        this.results = results;
        this.verdicts = verdicts;
    }

    /**
     * Executes {@code fixture#methodName} (its only overload) with the extension's test configuration
     * ({@link #testConfig()}, {@code src/test/resources/config} of the extension) and results root ({@link #RESULTS_ROOT}), and waits for the engine to finish.
     */
    public static FixtureExecution execute(Class<?> fixture, String methodName) {
        return of(fixture).method(methodName).configDir(testConfig()).execute();
    }

    /** A fixture execution to configure: which method (default: the whole class), results root, config, parameters. */
    public static Builder of(Class<?> fixture) {
        return new Builder(fixture);
    }

    /** Configures one execution of a fixture class through the Jupiter engine. */
    public static final class Builder {
        private final Class<?> fixture;
        private Method method;
        private final Map<String, String> parameters = new LinkedHashMap<>();

        private Builder(Class<?> fixture) {
            this.fixture = fixture;
        }

        /** Runs only {@code methodName} (its only overload). */
        public Builder method(String methodName) {
            this.method = Arrays.stream(fixture.getDeclaredMethods())
                    .filter(m -> m.getName().equals(methodName))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(fixture.getName() + " has no method " + methodName));
            return this;
        }

        /** The config directory the extension reads ({@code repro4j.configDir}). */
        public Builder configDir(Path dir) {
            return parameter("repro4j.configDir", dir.toString());
        }

        /** The results root ({@code repro4j.resultsDir}). */
        public Builder resultsRoot(Path root) {
            return parameter("repro4j.resultsDir", root.toAbsolutePath().toString());
        }

        /** Any other configuration parameter. */
        public Builder parameter(String key, String value) {
            parameters.put(key, value);
            return this;
        }

        /**
         * Runs the engine and waits for it. Baselines of fixtures go to {@code <results root>/fixture-baselines/}
         * unless {@code repro4j.baselineDir} is given: a fixture that passes when it should not would otherwise
         * record its baseline in the default directory, under the module's {@code src/}. A baseline directory
         * under {@code src/} is refused: tests of repro4j never write into the source tree.
         */
        public FixtureExecution execute() {
            // File times may be coarser than the clock: step back a little so that files written right away count.
            FileTime started = FileTime.fromMillis(System.currentTimeMillis() - 5);
            Path root = Path.of(parameters.getOrDefault("repro4j.resultsDir", RESULTS_ROOT.toString()));
            Map<String, String> effective = new LinkedHashMap<>(parameters);
            effective.putIfAbsent(BASELINE_DIR, root.resolve("fixture-baselines").toString());
            Path baselines = Path.of(effective.get(BASELINE_DIR)).toAbsolutePath().normalize();
            for (Path p = baselines; p != null; p = p.getParent()) {
                if (p.getFileName() != null && p.getFileName().toString().equals("src")) {
                    throw new IllegalArgumentException("A fixture execution may not write baselines into the source"
                            + " tree: " + BASELINE_DIR + " = " + baselines + ". Use a directory under target/.");
                }
            }
            EngineTestKit.Builder engine = EngineTestKit.engine("junit-jupiter")
                    .selectors(method == null ? selectClass(fixture) : selectMethod(fixture, method));
            effective.forEach(engine::configurationParameter);
            return new FixtureExecution(fixture, method, started, engine.execute(), root.resolve("verdicts"));
        }
    }

    /** Events of tests (not containers). */
    public Events tests() {
        return results.testEvents();
    }

    /** The whole engine's results. */
    public EngineExecutionResults results() {
        return results;
    }

    /** The throwable the single test failed with. */
    public Throwable failure() {
        List<Event> finished = tests().finished().list();
        assertThat(finished).as("finished test events").hasSize(1);
        TestExecutionResult result = finished.get(0).getPayload(TestExecutionResult.class).orElseThrow();
        assertThat(result.getStatus()).as("status of %s", name()).isEqualTo(TestExecutionResult.Status.FAILED);
        return result.getThrowable().orElseThrow();
    }

    /** The message of the failure, never null. */
    public String failureMessage() {
        return String.valueOf(failure().getMessage());
    }

    /**
     * The first line of the failure: the fields that moved in the first differing run, and that run. Assert on this
     * or on {@link #movedFields()}, never on the whole message, which names every field (the unmoved ones under
     * {@code identical:}).
     */
    public String headline() {
        return failureMessage().lines().findFirst().orElse("");
    }

    /** The fields the verdict file lists as moved ({@code differences[].field}, any run), in order, once each. */
    public List<String> movedFields() {
        List<String> fields = new ArrayList<>();
        verdict().path("differences").forEach(d -> {
            String field = d.path("field").asText();
            if (!fields.contains(field)) {
                fields.add(field);
            }
        });
        return fields;
    }

    /** The snapshot run {@code k} (1-based) wrote, parsed: the verdict's {@code runs[k-1].cohort_dir}. */
    public JsonNode snapshotOfRun(int k) {
        JsonNode run = verdict().path("runs").path(k - 1);
        assertThat(run.path("index").asInt()).as("run %s in the verdict of %s", k, name()).isEqualTo(k);
        try {
            return JSON.readTree(Path.of(run.path("snapshot_dir").asText()).resolve("snapshot.json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every report entry the test published, keys to values, in publication order. */
    public Map<String, String> reportEntries() {
        Map<String, String> all = new LinkedHashMap<>();
        results.allEvents().reportingEntryPublished().stream()
                .map(event -> event.getPayload(ReportEntry.class).orElseThrow())
                .forEach(entry -> all.putAll(entry.getKeyValuePairs()));
        return all;
    }

    /**
     * The verdict files written during this execution for this fixture method: those whose {@code test_class} and
     * {@code test_method} name it.
     */
    public List<Path> verdictFiles() {
        if (!Files.isDirectory(verdicts)) {
            return List.of();
        }
        List<Path> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(verdicts)) {
            for (Path file : files.filter(p -> p.getFileName().toString().endsWith(".json")).toList()) {
                if (Files.getLastModifiedTime(file).compareTo(started) < 0) {
                    continue;
                }
                JsonNode verdict = JSON.readTree(file.toFile());
                if (fixture.getName().equals(verdict.path("test_class").asText())
                        && (method == null || method.getName().equals(verdict.path("test_method").asText()))) {
                    found.add(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    /** The verdicts this execution wrote for the fixture's method {@code methodName}, parsed (one per invocation). */
    public List<JsonNode> verdictsOf(String methodName) {
        List<JsonNode> found = new ArrayList<>();
        for (Path file : verdictFiles()) {
            try {
                JsonNode verdict = JSON.readTree(file.toFile());
                if (methodName.equals(verdict.path("test_method").asText())) {
                    found.add(verdict);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return found;
    }

    /** The one verdict this execution wrote for the fixture's method {@code methodName}. */
    public JsonNode verdictOf(String methodName) {
        List<JsonNode> found = verdictsOf(methodName);
        assertThat(found).as("verdicts of %s#%s", fixture.getName(), methodName).hasSize(1);
        return found.get(0);
    }

    /** The one verdict file of this execution, parsed. */
    public JsonNode verdict() {
        List<Path> files = verdictFiles();
        assertThat(files).as("verdict files under %s written for %s", verdicts, name()).hasSize(1);
        try {
            return JSON.readTree(files.get(0).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The work directory of this test's children: {@code work/<test_key>}, the key read from the verdict. */
    public Path workDirectory() {
        return verdicts.resolveSibling("work").resolve(verdict().path("test_key").asText());
    }

    /** The extension's test configuration, so fixtures do not depend on the project's (a directory on the class path). */
    public static Path testConfig() {
        try {
            return Path.of(FixtureExecution.class.getResource("/config/reproducibility.yaml").toURI()).getParent();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The fixture method's name, or the class's simple name when the whole class ran. */
    public String name() {
        return method == null ? fixture.getSimpleName() : method.getName();
    }
}
