package io.repro4j.junit.internal.baseline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.repro4j.harness.Library;
import io.repro4j.harness.results.Json;
import io.repro4j.harness.results.ResultsLayout;
import io.repro4j.junit.internal.config.ExtensionSettings;
import io.repro4j.junit.internal.verdict.Verdict;
import java.io.IOException;
import java.io.PrintStream;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.AssertionFailedError;

/**
 * The regression gate: once a test's runs agree, compares their fingerprints with the committed baseline (or writes
 * it), records the outcome for the report, and fails the test when the gate says so.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class BaselineCheck {

    private BaselineCheck() {
    }

    /**
     * Applies the gate to a {@link Verdict.Kind#REPRODUCIBLE} verdict whose file is already written.
     *
     * @throws AssertionFailedError when the gate fails the test
     */
    public static void afterReproducibleVerdict(ExtensionContext context, Verdict verdict, ResultsLayout results)
            throws IOException {
        check(BaselineSettings.resolve(ExtensionSettings.parameters(context), System.getenv()), verdict, results,
                context::publishReportEntry, System.err);
    }

    /**
     * The gate itself: {@code settings} applied to {@code verdict}, the outcome recorded under {@code results} and
     * published through {@code reportEntries}, a note on {@code log} where the developer should see one.
     *
     * @throws AssertionFailedError when the gate fails the test
     */
    static void check(BaselineSettings settings, Verdict verdict, ResultsLayout results,
            Consumer<Map<String, String>> reportEntries, PrintStream log) throws IOException {
        if (settings.mode() == BaselineMode.OFF || verdict.fingerprints() == null || verdict.fingerprints().isEmpty()) {
            return;
        }
        ObjectNode fingerprints = Json.MAPPER.createObjectNode();
        verdict.fingerprints().forEach(fingerprints::put);
        JsonNode environment = Json.MAPPER.valueToTree(verdict.environment());
        Set<Library> libraries = EnumSet.noneOf(Library.class);
        verdict.libraries().forEach(family -> Library.ofFamily(family).ifPresent(libraries::add));
        BaselineSubject subject = new BaselineSubject(verdict.testId(), verdict.testKey(), fingerprints, environment,
                libraries);

        BaselineOutcome outcome = BaselineGate.check(settings, subject);

        BaselineRecord.write(results, subject, outcome, verdict.finishedAt());
        Map<String, String> entry = new LinkedHashMap<>();
        entry.put("repro4j.baseline", outcome.status().name());
        entry.put("repro4j.baseline.file", outcome.file().toString());
        if (!outcome.environmentChanges().isEmpty()) {
            entry.put("repro4j.baseline.environmentChanges", outcome.environmentChanges().toString());
        }
        reportEntries.accept(entry);
        switch (outcome.status()) {
            case CREATED, UPDATED, DRIFT_WARNED, ENVIRONMENT_CHANGED -> log.println("[repro4j] "
                    + (outcome.status() == BaselineStatus.DRIFT_WARNED ? "WARNING: " : "") + verdict.displayName()
                    + ": " + outcome.message().replaceAll("\\s*\n\\s*", " "));
            default -> { }
        }
        if (outcome.failed()) {
            throw new AssertionFailedError(verdict.testClass() + "#" + verdict.testMethod() + ": " + outcome.message());
        }
    }
}
