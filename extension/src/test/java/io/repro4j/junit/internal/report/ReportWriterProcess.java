package io.repro4j.junit.internal.report;

import io.repro4j.harness.results.ResultsLayout;
import com.fasterxml.jackson.databind.JsonNode;
import io.repro4j.harness.results.Json;
import io.repro4j.junit.internal.report.TestReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A test JVM finishing into a shared results root: writes {@code count} verdicts, regenerating the report after each,
 * and checks after every report that it holds every verdict this process has written so far (a later report may only
 * add). Arguments: results root, key prefix, count, number of processes to wait for before starting. Exit 3 when a
 * verdict went missing.
 */
public final class ReportWriterProcess {

    private ReportWriterProcess() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        String prefix = args[1];
        int count = Integer.parseInt(args[2]);
        awaitPeers(root, prefix, Integer.parseInt(args[3]));
        for (int i = 0; i < count; i++) {
            VerdictFixtures.write(root, prefix + "-" + i, i % 3 == 0 ? "DIFFERS" : "REPRODUCIBLE", prefix + " #" + i);
            TestReport.generate(ResultsLayout.of(root), List.of());
            JsonNode report = Json.MAPPER.readTree(root.resolve("report/report.json").toFile());
            Set<String> keys = new HashSet<>();
            report.path("tests").forEach(t -> keys.add(t.path("test_key").asText()));
            for (int j = 0; j <= i; j++) {
                if (!keys.contains(prefix + "-" + j)) {
                    System.err.println("report lost verdict " + prefix + "-" + j + " after writing " + prefix + "-" + i);
                    System.exit(3);
                }
            }
        }
    }

    // Start together so the processes' report generations overlap; spins rather than sleeps, briefly.
    private static void awaitPeers(Path root, String prefix, int peers) throws Exception {
        Path ready = Files.createDirectories(root.resolve("ready"));
        Files.createFile(ready.resolve(prefix));
        while (true) {
            try (var entries = Files.list(ready)) {
                if (entries.count() >= peers) {
                    return;
                }
            }
            Thread.onSpinWait();
        }
    }
}
