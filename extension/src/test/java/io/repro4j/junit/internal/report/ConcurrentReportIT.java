package io.repro4j.junit.internal.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.repro4j.harness.results.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two test JVMs (as with Surefire {@code forkCount=2}) finishing into one results root lose no verdict. */
class ConcurrentReportIT {

    private static final int PER_PROCESS = 40;

    @TempDir
    Path root;

    @Test
    void twoJvmsWritingVerdictsAndReportsConcurrentlyLoseNothing() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<Process> processes = new ArrayList<>();
        for (String prefix : List.of("fork1", "fork2")) {
            processes.add(new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", classPath,
                    ReportWriterProcess.class.getName(), root.toString(), prefix, String.valueOf(PER_PROCESS), "2")
                    .redirectErrorStream(true)
                    .redirectOutput(root.resolve(prefix + ".log").toFile())
                    .start());
        }
        for (Process process : processes) {
            assertThat(process.waitFor()).as(() -> log(process)).isZero();
        }

        JsonNode report = Json.MAPPER.readTree(root.resolve("report/report.json").toFile());
        Set<String> keys = new HashSet<>();
        report.path("tests").forEach(t -> keys.add(t.path("test_key").asText()));
        assertThat(keys).hasSize(2 * PER_PROCESS).contains("fork1-0", "fork1-24", "fork2-0", "fork2-24");
        assertThat(report.path("summary").path("tests").asInt()).isEqualTo(2 * PER_PROCESS);
        String html = Files.readString(root.resolve("report/index.html"));
        assertThat(html.split("data-verdict=", -1)).hasSize(2 * PER_PROCESS + 1);
        try (Stream<Path> files = Files.list(root.resolve("report"))) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder(".lock", "index.html", "report.json");
        }
        try (Stream<Path> files = Files.list(root.resolve("verdicts"))) {
            assertThat(files).hasSize(2 * PER_PROCESS);
        }
    }

    private String log(Process process) {
        try (Stream<Path> logs = Files.list(root).filter(p -> p.toString().endsWith(".log"))) {
            StringBuilder out = new StringBuilder("child exit; logs:");
            for (Path log : logs.toList()) {
                out.append("\n== ").append(log).append('\n').append(Files.readString(log));
            }
            return out.toString();
        } catch (Exception e) {
            return e.toString();
        }
    }
}
