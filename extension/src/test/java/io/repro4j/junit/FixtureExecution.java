package io.repro4j.junit;

import static org.assertj.core.api.Assertions.assertThat;
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
 * Runs one fixture method through the Jupiter engine with {@link EngineTestKit} and gives access to what it left:
 * events, published report entries, and the per-test verdict file.
 */
final class FixtureExecution {

    /** The extension's results root for tests run from the module directory. */
    static final Path RESULTS_ROOT = Path.of("target", "repro4j").toAbsolutePath();
    /** Where the extension keeps per-test child work directories. */
    static final Path WORK_ROOT = RESULTS_ROOT.resolve("work");
    /** Where the extension writes one verdict JSON per test. */
    static final Path VERDICTS = RESULTS_ROOT.resolve("verdicts");

    /** The test configuration ({@code src/test/resources/config}), so fixtures do not depend on the project's. */
    static final Path TEST_CONFIG = testConfig();

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Method method;
    private final FileTime started;
    private final EngineExecutionResults results;

    private FixtureExecution(Method method, FileTime started, EngineExecutionResults results) {
        this.method = method;
        this.started = started;
        this.results = results;
    }

    /** Executes {@code fixture#methodName} (its only overload) and waits for the engine to finish. */
    static FixtureExecution execute(Class<?> fixture, String methodName) {
        Method method = Arrays.stream(fixture.getDeclaredMethods())
                .filter(m -> m.getName().equals(methodName))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(fixture.getName() + " has no method " + methodName));
        // File times may be coarser than the clock: step back a little so that files written right away count.
        FileTime started = FileTime.fromMillis(System.currentTimeMillis() - 5);
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                .selectors(selectMethod(fixture, method))
                .configurationParameter("repro4j.configDir", TEST_CONFIG.toString())
                .execute();
        return new FixtureExecution(method, started, results);
    }

    /** Events of tests (not containers). */
    Events tests() {
        return results.testEvents();
    }

    /** The whole engine's results. */
    EngineExecutionResults results() {
        return results;
    }

    /** The throwable the single test failed with. */
    Throwable failure() {
        List<Event> finished = tests().finished().list();
        assertThat(finished).as("finished test events").hasSize(1);
        TestExecutionResult result = finished.get(0).getPayload(TestExecutionResult.class).orElseThrow();
        assertThat(result.getStatus()).as("status of %s", method.getName()).isEqualTo(TestExecutionResult.Status.FAILED);
        return result.getThrowable().orElseThrow();
    }

    /** The message of the failure, never null. */
    String failureMessage() {
        return String.valueOf(failure().getMessage());
    }

    /** Every report entry the test published, keys to values, in publication order. */
    Map<String, String> reportEntries() {
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
    List<Path> verdictFiles() {
        if (!Files.isDirectory(VERDICTS)) {
            return List.of();
        }
        List<Path> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(VERDICTS)) {
            for (Path file : files.filter(p -> p.getFileName().toString().endsWith(".json")).toList()) {
                if (Files.getLastModifiedTime(file).compareTo(started) < 0) {
                    continue;
                }
                JsonNode verdict = JSON.readTree(file.toFile());
                if (method.getDeclaringClass().getName().equals(verdict.path("test_class").asText())
                        && method.getName().equals(verdict.path("test_method").asText())) {
                    found.add(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    /** The one verdict file of this execution, parsed. */
    JsonNode verdict() {
        List<Path> files = verdictFiles();
        assertThat(files).as("verdict files under %s written for %s", VERDICTS, method.getName()).hasSize(1);
        try {
            return JSON.readTree(files.get(0).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The work directory of this test's children: {@code work/<test_key>}, the key read from the verdict. */
    Path workDirectory() {
        return WORK_ROOT.resolve(verdict().path("test_key").asText());
    }

    private static Path testConfig() {
        try {
            return Path.of(FixtureExecution.class.getResource("/config/reproducibility.yaml").toURI()).getParent();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    String methodName() {
        return method.getName();
    }
}
