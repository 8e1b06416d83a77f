package io.repro4j.harness.results;

import io.repro4j.harness.results.Json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.repro4j.harness.Repro4jException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @Test
    void writesJsonWithSortedKeysPrettyAndATrailingNewline(@TempDir Path dir) throws IOException {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("zeta", 1);
        value.put("empty", List.of());
        value.put("alpha", Map.of("y", 2, "b", 3));
        Path file = dir.resolve("sub/out.json");
        Json.write(file, value);
        String text = Files.readString(file);
        assertThat(text).isEqualTo("{\n  \"alpha\": {\n    \"b\": 3,\n    \"y\": 2\n  },\n  \"empty\": [],\n  \"zeta\": 1\n}\n");
    }

    @Test
    void doublesParseBackToTheSameBits(@TempDir Path dir) throws IOException {
        double[] values = {0.1, 1e-5, -0.0, 2.675, Double.MIN_VALUE, Double.MAX_VALUE, 1.0 / 3, 2e23,
                Math.nextUp(1.0), 5e-324, 1.0E16};
        Path file = dir.resolve("d.json");
        Json.write(file, Map.of("values", values));
        JsonNode read = Json.MAPPER.readTree(file.toFile()).get("values");
        for (int i = 0; i < values.length; i++) {
            assertThat(Double.doubleToRawLongBits(read.get(i).doubleValue()))
                    .as("value %s", values[i]).isEqualTo(Double.doubleToRawLongBits(values[i]));
        }
    }

    @Test
    void replacesExistingContentAndLeavesNoTempFiles(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("f.txt");
        AtomicFiles.writeString(file, "old");
        AtomicFiles.writeString(file, "new");
        assertThat(Files.readString(file)).isEqualTo("new");
        try (Stream<Path> list = Files.list(dir)) {
            assertThat(list.toList()).containsExactly(file);
        }
    }

    @Test
    void writtenFilesGetTheUsualPermissionsNotATempFilesOwnerOnlyOnes(@TempDir Path dir) throws IOException {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path plain = Files.createFile(dir.resolve("plain.txt")); // permissions from the process umask
        Path written = dir.resolve("written.json");
        Json.write(written, Map.of("a", 1));
        assertThat(Files.getPosixFilePermissions(written)).isEqualTo(Files.getPosixFilePermissions(plain));
    }

    @Test
    void failureNamesTheFileAndLeavesNoTempFile(@TempDir Path dir) throws IOException {
        Path target = Files.createDirectory(dir.resolve("occupied"));
        Files.writeString(target.resolve("child"), "x");
        assertThatThrownBy(() -> AtomicFiles.writeString(target, "text"))
                .isInstanceOf(Repro4jException.class).hasMessageContaining(target.toString());
        try (Stream<Path> list = Files.list(dir)) {
            assertThat(list.toList()).containsExactly(target);
        }
        assertThat(List.of(target.toFile().list())).containsExactly("child");
    }
}
