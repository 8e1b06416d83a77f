package io.repro4j.junit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.repro4j.harness.Mode;
import io.repro4j.harness.ReproducibilityConfig;
import io.repro4j.harness.View;
import io.repro4j.junit.Perturbation;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildRequestReaderTest {

    @TempDir
    Path dir;

    @Test
    void readsEveryComponentAsDatabindWroteIt() {
        ChildRequest request = new ChildRequest("[engine:junit-jupiter]/[method:x()]", "a.X", "x", "x() \"q\" é",
                2, 3, 4_000_000_000L, -7, "exp", true, "/cfg", "tgt", View.SYMBOL_SPECIFIC, "AAPL", "/res", "run",
                "/res/result.json", EnumSet.of(Perturbation.THREADS, Perturbation.LOCALE_AND_TIMEZONE),
                new RunPerturbations(17, 2, "de", "DE", "Asia/Tokyo", true), true, false,
                Map.of("junit.jupiter.execution.parallel.enabled", "false"), 1_795_838_782_763L,
                Map.of("jar:file:/x.jar!/lib.so 1 2", "abc 3"),
                new ChildConfig(Mode.BEST_EFFORT, 9, "v1", false, true, false, true,
                        ReproducibilityConfig.GpuRequestPolicy.FAIL, "/cfg/experiments/exp.yaml"));
        Path file = dir.resolve("request.json");
        Json.write(file, request);

        assertThat(ChildRequestReader.read(file)).isEqualTo(request).isEqualTo(Json.read(file, ChildRequest.class));
    }

    @Test
    void readsNullsAndAbsentOptionalParts() {
        ChildRequest request = new ChildRequest("u", "X", "x", "x()", 1, 2, 42, 7, "determinism_test", false, null,
                "x", View.CROSS_SECTIONAL, null, "/res", "x.run-1", "/res/r.json", EnumSet.noneOf(Perturbation.class),
                RunPerturbations.none(), true, true, Map.of(), 0);
        Path file = dir.resolve("request.json");
        Json.write(file, request);

        assertThat(ChildRequestReader.read(file)).isEqualTo(request).isEqualTo(Json.read(file, ChildRequest.class));
    }

    @Test
    void namesTheFileWhenItIsNotARequest() throws Exception {
        Path file = Files.writeString(dir.resolve("request.json"), "[1, 2]");

        assertThatThrownBy(() -> ChildRequestReader.read(file)).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining(file.toString());
    }
}
