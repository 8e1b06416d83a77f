package io.repro4j.junit.internal.verdict;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Publishes a verdict's fingerprints as report entries (they land in Surefire's XML), keys prefixed {@code repro4j.}. */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class VerdictPublisher {
    private VerdictPublisher() {
    }

    /** Publishes {@code verdict}'s fingerprints for {@code context}'s test. */
    public static void publish(ExtensionContext context, Verdict verdict) {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("repro4j.verdict", verdict.verdict().name());
        entries.put("repro4j.runs", String.valueOf(verdict.runs().size()));
        if (!verdict.runs().isEmpty()) {
            entries.put("repro4j.seed", String.valueOf(verdict.runs().get(0).seed()));
            String dir = verdict.runs().get(0).snapshotDir();
            if (dir != null) {
                entries.put("repro4j.snapshot", dir);
            }
        }
        verdict.fingerprints().forEach((field, value) -> {
            if (value != null) {
                entries.put("repro4j." + field, value);
            }
        });
        context.publishReportEntry(entries);
    }
}
