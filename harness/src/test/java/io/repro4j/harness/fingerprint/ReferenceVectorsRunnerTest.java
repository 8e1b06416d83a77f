package io.repro4j.harness.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The vector runner itself: that {@code -Drepro4j.vectors} files are read and that wrong vectors fail loudly. */
class ReferenceVectorsRunnerTest {

    @TempDir
    Path dir;

    @Test
    void reportsAMismatchWithInputsExpectedActualAndIntermediate() throws IOException {
        List<ReferenceVectors.Vector> vectors = ReferenceVectors.load(write("""
                {"count": 2, "vectors": [
                  {"fn": "normalize_seed", "inputs": {"seed": {"__int__": "18446744073709551616"}}, "output": 4},
                  {"fn": "stable_seed_from", "inputs": {"parts": ["shap", "sampling"], "modulo": 2147483647},
                   "output": 12345, "joined": "shap::sampling"}
                ]}
                """));

        assertThatNoException().isThrownBy(() -> ReferenceVectors.check(vectors.get(0)));
        assertThatThrownBy(() -> ReferenceVectors.check(vectors.get(1)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("stable_seed_from #1")
                .hasMessageContaining("vectors.json")
                .hasMessageContaining("inputs:   {\"modulo\": 2147483647, \"parts\": [\"shap\", \"sampling\"]}")
                .hasMessageContaining("expected: 12345")
                .hasMessageContaining("actual:   662847439")
                .hasMessageContaining("joined actual:   \"shap::sampling\"");
    }

    @Test
    void failsOnAnUnknownFunction() throws IOException {
        List<ReferenceVectors.Vector> vectors = ReferenceVectors.load(write("""
                {"vectors": [{"fn": "frobnicate", "inputs": {"x": 1}, "output": 2}]}
                """));

        assertThatThrownBy(() -> ReferenceVectors.check(vectors.get(0)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("unknown fn 'frobnicate'")
                .hasMessageContaining("{\"x\": 1}");
    }

    @Test
    void failsOnAnInputTheImplementationDoesNotRead() throws IOException {
        List<ReferenceVectors.Vector> vectors = ReferenceVectors.load(write("""
                {"vectors": [{"fn": "normalize_seed", "inputs": {"seed": 42, "salt": 1}, "output": 42}]}
                """));

        assertThatThrownBy(() -> ReferenceVectors.check(vectors.get(0)))
                .hasMessageContaining("inputs not understood by our normalize_seed: [salt]");
    }

    @Test
    void keepsIntsAndFloatsApart() throws IOException {
        List<ReferenceVectors.Vector> vectors = ReferenceVectors.load(write("""
                {"vectors": [
                  {"fn": "metrics_sha256", "inputs": {"metrics": {"n": 5.0}}, "output": "x"},
                  {"fn": "metrics_sha256", "inputs": {"metrics": {"n": 5, "big": 12345678901234567890,
                   "nan": {"__float__": "NaN"}}}, "output": "x"}
                ]}
                """));

        assertThat(vectors.get(0).inputs()).extracting("metrics").extracting("n").isEqualTo(5.0);
        assertThat(vectors.get(1).inputs()).extracting("metrics")
                .extracting("n", "big", "nan")
                .containsExactly(5, new java.math.BigInteger("12345678901234567890"), Double.NaN);
    }

    @Test
    void readsTheSystemPropertyOnlyWhenItNamesAFile() {
        assertThat(ReferenceVectors.overrideFile(null)).isNull();
        assertThat(ReferenceVectors.overrideFile(" ")).isNull();
        assertThat(ReferenceVectors.overrideFile("${repro4j.vectors}")).isNull(); // Maven's unset property
        assertThat(ReferenceVectors.overrideFile("/tmp/v.json")).isEqualTo(Path.of("/tmp/v.json"));
    }

    @Test
    void failsWhenTheNamedFileIsMissing() {
        Path missing = dir.resolve("missing.json");

        assertThatThrownBy(() -> ReferenceVectors.load(missing)).hasMessageContaining(missing.toString());
    }

    @Test
    void failsWhenTheCountDoesNotMatch() throws IOException {
        Path file = write("{\"count\": 3, \"vectors\": []}");

        assertThatThrownBy(() -> ReferenceVectors.load(file)).hasMessageContaining("\"count\" says 3");
    }

    private Path write(String json) throws IOException {
        return Files.writeString(dir.resolve("vectors.json"), json);
    }
}
