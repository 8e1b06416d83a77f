package io.repro4j.junit.internal.verdict;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Makes a verdict's fingerprints visible where CI looks: as JUnit report entries (IDEs and the Launcher's listeners
 * show them), and as lines on the test's standard output, because that is what Surefire and Failsafe put into the
 * test's own {@code <system-out>} in {@code TEST-*.xml} (their XML reporter drops report entries). Keys are prefixed
 * {@code repro4j.}; each output line is {@code [repro4j] key=value}.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class VerdictPublisher {

    /** The prefix of every output line, so that tools can pick them out of a test's captured output. */
    public static final String LINE_PREFIX = "[repro4j] ";

    private VerdictPublisher() {
    }

    /** Publishes {@code verdict}'s fingerprints for {@code context}'s test. */
    public static void publish(ExtensionContext context, Verdict verdict) {
        Map<String, String> entries = entries(verdict);
        context.publishReportEntry(entries);
        print(entries, System.out);
    }

    /** {@code repro4j.verdict}, {@code repro4j.runs}, {@code repro4j.seed}, {@code repro4j.snapshot} and the fingerprints. */
    static Map<String, String> entries(Verdict verdict) {
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
        return entries;
    }

    static void print(Map<String, String> entries, PrintStream out) {
        StringBuilder block = new StringBuilder();
        entries.forEach((k, v) -> block.append(LINE_PREFIX).append(k).append('=').append(v.replace('\n', ' '))
                .append(System.lineSeparator()));
        // One write, so that the lines stay together in the captured output.
        out.print(block);
        out.flush();
    }
}
