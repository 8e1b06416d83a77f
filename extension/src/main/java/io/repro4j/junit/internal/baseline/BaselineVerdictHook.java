package io.repro4j.junit.internal.baseline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.repro4j.junit.internal.BaselineHook;
import io.repro4j.junit.internal.ExtensionSettings;
import io.repro4j.junit.internal.Verdict;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.AssertionFailedError;

/**
 * The regression gate: once a test's runs agree, compares their fingerprints with the committed baseline (or writes
 * it), records the outcome for the report, and fails the test when the gate says so. Installed through
 * {@code META-INF/services/io.repro4j.junit.internal.BaselineHook}.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class BaselineVerdictHook implements BaselineHook {

    @Override
    public void afterReproducibleVerdict(ExtensionContext context, Verdict verdict) throws Exception {
        Function<String, Optional<String>> parameters =
                key -> context.getConfigurationParameter(key).or(() -> Optional.ofNullable(System.getProperty(key)));
        BaselineSettings settings = BaselineSettings.resolve(parameters, System.getenv());
        if (settings.mode() == BaselineMode.OFF || verdict.fingerprints() == null || verdict.fingerprints().isEmpty()) {
            return;
        }
        ObjectNode fingerprints = StableJson.MAPPER.createObjectNode();
        verdict.fingerprints().forEach(fingerprints::put);
        JsonNode environment = StableJson.MAPPER.valueToTree(verdict.environment());
        BaselineSubject subject = new BaselineSubject(verdict.testId(), verdict.testKey(), fingerprints, environment);

        BaselineOutcome outcome = BaselineGate.check(settings, subject);

        BaselineRecord.write(ExtensionSettings.from(context).resultsRoot(), subject, outcome, verdict.finishedAt());
        Map<String, String> entry = new LinkedHashMap<>();
        entry.put("repro4j.baseline", outcome.status().name());
        entry.put("repro4j.baseline.file", outcome.file().toString());
        if (!outcome.environmentChanges().isEmpty()) {
            entry.put("repro4j.baseline.environmentChanges", outcome.environmentChanges().toString());
        }
        context.publishReportEntry(entry);
        switch (outcome.status()) {
            case CREATED, UPDATED, DRIFT_WARNED, ENVIRONMENT_CHANGED -> System.err.println("[repro4j] "
                    + (outcome.status() == BaselineStatus.DRIFT_WARNED ? "WARNING: " : "") + verdict.displayName()
                    + ": " + outcome.message().replaceAll("\\s*\n\\s*", " "));
            default -> { }
        }
        if (outcome.failed()) {
            throw new AssertionFailedError(verdict.testClass() + "#" + verdict.testMethod() + ": " + outcome.message());
        }
    }
}
