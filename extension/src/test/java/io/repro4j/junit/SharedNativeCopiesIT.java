package io.repro4j.junit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.repro4j.harness.results.Json;
import io.repro4j.junit.fixtures.SharedNativesTestCase;
import io.repro4j.junit.testkit.FixtureExecution;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Children load the native libraries from one verified copy under the results root ({@code natives/}), made once by
 * the test JVM, instead of extracting 25 MB each: neither repro4j nor XGBoost4J's own loader writes a library into a
 * child's temp directory, and the environment fingerprint still names the jars' digests.
 */
class SharedNativeCopiesIT {

    @TempDir
    Path results;

    @Test
    void everyChildLoadsTheOneCopyUnderTheResultsRootAndExtractsNothing() throws IOException {
        FixtureExecution first = execute();
        FixtureExecution second = execute();

        for (FixtureExecution run : List.of(first, second)) {
            run.tests().assertStatistics(stats -> stats.started(1).succeeded(1));
        }
        List<Path> copies = libraries(results.resolve("natives"));
        assertThat(copies).extracting(p -> p.getFileName().toString())
                .containsExactlyInAnyOrder("libxgboost4j.so", "lib_lightgbm.so", "lib_lightgbm_swig.so");
        for (FixtureExecution run : List.of(first, second)) {
            for (int k = 1; k <= 2; k++) {
                JsonNode snapshot = run.snapshotOfRun(k);
                JsonNode context = snapshot.path("run_context");
                assertThat(strings(context.path("mapped_native_libraries"))).as("files run %s mapped", k)
                        .containsExactlyInAnyOrderElementsOf(copies.stream().map(Path::toString).toList());
                assertThat(strings(context.path("temp_native_libraries"))).as("libraries in run %s's temp dir", k)
                        .isEmpty();
                JsonNode digests = snapshot.path("environment").path("native_libraries");
                for (Path copy : copies) {
                    assertThat(digests.path(copy.getFileName().toString()).asText())
                            .as("digest of %s", copy.getFileName()).startsWith(copy.getParent().getFileName().toString());
                }
                JsonNode request = Json.readTree(run.workDirectory().resolve("run-" + k).resolve("request.json"),
                        "request");
                assertThat(request.path("launch").path("shared_native_libraries").size()).isEqualTo(3);
            }
        }
    }

    private FixtureExecution execute() {
        return FixtureExecution.of(SharedNativesTestCase.class).method("trainsWithBothLibraries")
                .configDir(FixtureExecution.testConfig()).resultsRoot(results).execute();
    }

    private static List<Path> libraries(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(".so")).toList();
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
