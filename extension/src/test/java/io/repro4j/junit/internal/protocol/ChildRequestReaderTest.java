package io.repro4j.junit.internal.protocol;

import io.repro4j.harness.results.Json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.repro4j.harness.Mode;
import io.repro4j.harness.ReproducibilityConfig;
import io.repro4j.harness.View;
import io.repro4j.harness.config.Setting;
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
        ChildRequest request = new ChildRequest(
                new ChildRequest.TestInvocation("[engine:junit-jupiter]/[method:x()]", "a.X", "x", "x() \"q\" é"),
                new ChildRequest.RunSpec(2, 3, EnumSet.of(Perturbation.THREADS, Perturbation.LOCALE_AND_TIMEZONE),
                        new RunPerturbations(17, 2, "de", "DE", "Asia/Tokyo", true,
                                new SparkPartitioning(3, 7, 262144, 0))),
                new ChildRequest.Training("exp", "tgt", View.SYMBOL_SPECIFIC, "AAPL", -7, true, false,
                        Setting.asProperties(ReproducibilityConfig.builder().mode(Mode.BEST_EFFORT).seed(4_000_000_000L)
                                .gpuRequestPolicy(ReproducibilityConfig.GpuRequestPolicy.FAIL).build())),
                new ChildRequest.Output("/res", "run", "/res/result.json", "/res/work/x/run-1"),
                new ChildRequest.Launch(Map.of("junit.jupiter.execution.parallel.enabled", "false"), 1_795_838_782_763L,
                        Map.of("jar:file:/x.jar!/lib.so 1 2", "abc 3")));
        Path file = dir.resolve("request.json");
        Json.write(file, request);

        assertThat(ChildRequestReader.read(file)).isEqualTo(request)
                .isEqualTo(Json.read(file, ChildRequest.class, "request"));
    }

    @Test
    void readsNullsAndEmptyParts() {
        ChildRequest request = new ChildRequest(new ChildRequest.TestInvocation("u", "X", "x", "x()"),
                new ChildRequest.RunSpec(1, 2, EnumSet.noneOf(Perturbation.class), RunPerturbations.none()),
                new ChildRequest.Training("determinism_test", "x", View.CROSS_SECTIONAL, null, 7, true, true, Map.of()),
                new ChildRequest.Output("/res", "x.run-1", "/res/r.json", null),
                new ChildRequest.Launch(Map.of(), 0, Map.of()));
        Path file = dir.resolve("request.json");
        Json.write(file, request);

        assertThat(ChildRequestReader.read(file)).isEqualTo(request)
                .isEqualTo(Json.read(file, ChildRequest.class, "request"));
    }

    @Test
    void namesTheFileWhenItIsNotARequest() throws Exception {
        Path file = Files.writeString(dir.resolve("request.json"), "[1, 2]");

        assertThatThrownBy(() -> ChildRequestReader.read(file)).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining(file.toString());
    }
}
