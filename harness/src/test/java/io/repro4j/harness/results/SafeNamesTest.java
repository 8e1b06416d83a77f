package io.repro4j.harness.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.repro4j.harness.Repro4jException;
import io.repro4j.harness.testkit.HostileNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class SafeNamesTest {

    static Stream<String> hostileNames() {
        return HostileNames.all();
    }

    @ParameterizedTest
    @MethodSource("hostileNames")
    void rejectsHostileTargetNamingTheKindTheValueAndTheRule(String hostile) {
        assertThatThrownBy(() -> SafeNames.require("target", hostile))
                .isInstanceOf(Repro4jException.class)
                .hasMessageContaining("target")
                .hasMessageContaining(SafeNames.RULE)
                .hasMessageContaining(SafeNames.display(hostile));
    }

    @ParameterizedTest
    @MethodSource("hostileNames")
    void resolveUnderCreatesNothingOutsideTheRootForHostileNames(String hostile, @TempDir Path parent)
            throws IOException {
        Path root = Files.createDirectory(parent.resolve("results"));
        List<Path> before = listing(parent);
        assertThatThrownBy(() -> {
            Path p = SafeNames.resolveUnder(root, "runs", hostile, "targets");
            AtomicFiles.writeString(p.resolve("x.txt"), "x");
        }).isInstanceOf(Repro4jException.class).hasMessageContaining(SafeNames.display(hostile));
        assertThat(listing(parent)).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"fwd_ret_10m", "AAPL", "symbol=BRK.B", "run-20260101T000000Z-123", "a", "..."})
    void acceptsSafeNames(String name, @TempDir Path root) {
        assertThat(SafeNames.require("symbol", name)).isEqualTo(name);
        assertThat(SafeNames.resolveUnder(root, name)).isEqualTo(root.toAbsolutePath().normalize().resolve(name));
    }

    @Test
    void truncatesLongValuesForDisplay() {
        assertThatThrownBy(() -> SafeNames.require("run name", "y".repeat(10_000)))
                .hasMessageContaining("(10000 characters)")
                .satisfies(e -> assertThat(e.getMessage().length()).isLessThan(400));
    }

    @Test
    void refusesASymlinkThatPointsOutsideTheRoot(@TempDir Path parent) throws IOException {
        Path root = Files.createDirectories(parent.resolve("results/runs"));
        Path outside = Files.createDirectory(parent.resolve("outside"));
        Files.createSymbolicLink(root.resolve("evil"), outside);
        assertThatThrownBy(() -> SafeNames.resolveUnder(parent.resolve("results"), "runs", "evil", "targets"))
                .isInstanceOf(Repro4jException.class)
                .hasMessageContaining("symbolic link")
                .hasMessageContaining("evil");
    }

    @Test
    void allowsASymlinkThatStaysInsideTheRoot(@TempDir Path root) throws IOException {
        Path inside = Files.createDirectory(root.resolve("inside"));
        Files.createSymbolicLink(root.resolve("alias"), inside);
        assertThat(SafeNames.resolveUnder(root, "alias", "x")).endsWithRaw(Path.of("alias", "x"));
    }

    private static List<Path> listing(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.sorted().toList();
        }
    }
}
