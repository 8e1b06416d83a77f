package io.repro4j.harness.estimator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SharedNativeLibrariesTest {

    private static final String DIGEST = "0f008da5d7b5b4297b5524e33e501c2565ee72bec0c1a34b86b18f2800b83d20";

    @Test
    void aCopyTravelsAsOneValueAlsoWithSpacesInItsPath() {
        SharedNativeLibraries.Copy copy = new SharedNativeLibraries.Copy(Path.of("/a b/natives/0f008da5d7b5b429/libxgboost4j.so"),
                DIGEST, 17_732_880, 1_796_130_398_727_000_001L, 1_796_130_398_727_000_002L, "(dev=803,ino=12)");

        assertThat(SharedNativeLibraries.Copy.decode(copy.encode())).isEqualTo(copy);
    }

    @Test
    void somethingElseIsNoCopy() {
        assertThat(SharedNativeLibraries.Copy.decode(null)).isNull();
        assertThat(SharedNativeLibraries.Copy.decode("abc 3")).isNull();
        assertThat(SharedNativeLibraries.Copy.decode(DIGEST + " x 1 2 (dev=1,ino=2) /lib.so")).isNull();
        assertThat(SharedNativeLibraries.Copy.decode("ABC" + DIGEST.substring(3) + " 1 1 2 k /lib.so")).isNull();
    }

    @Test
    void aMissingFileIsNotUnchanged() {
        assertThat(new SharedNativeLibraries.Copy(Path.of("/nonexistent/libxgboost4j.so"), DIGEST, 1, 2, 3, "k")
                .unchanged()).isFalse();
    }
}
