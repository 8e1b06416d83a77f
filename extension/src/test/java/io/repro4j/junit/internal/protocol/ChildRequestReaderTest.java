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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildRequestReaderTest {

    @TempDir
    Path dir;

    @Test
    void readsEveryComponentAsDatabindWroteIt() {
        ChildRequest.Training training = new ChildRequest.Training("exp", "tgt", View.SYMBOL_SPECIFIC, "AAPL", -7,
                true, false, Setting.asProperties(ReproducibilityConfig.builder().mode(Mode.BEST_EFFORT)
                        .seed(4_000_000_000L).gpuRequestPolicy(ReproducibilityConfig.GpuRequestPolicy.FAIL).build()));
        ChildRequest request = new ChildRequest(List.of(
                new ChildRequest.TestEntry(new ChildRequest.TestInvocation("[engine:junit-jupiter]/[method:x()]", "a.X",
                        "x", "x() \"q\" é"), List.of("io.repro4j.junit.TrainingRun", "int[]"), training),
                new ChildRequest.TestEntry(new ChildRequest.TestInvocation(null, "a.X", "y", "y"), List.of(),
                        training)),
                new ChildRequest.RunSpec(2, 3, EnumSet.of(Perturbation.THREADS, Perturbation.LOCALE_AND_TIMEZONE),
                        new RunPerturbations(17, 2, "de", "DE", "Asia/Tokyo", true, -1,
                                new SparkPartitioning(3, 7, 262144, 0))),
                new ChildRequest.Output("/res", "/res/work/x/run-2", "/res/work/x/run-1", true),
                new ChildRequest.Launch(Map.of("junit.jupiter.execution.parallel.enabled", "false"), 1_795_838_782_763L,
                        Map.of("jar:file:/x.jar!/lib.so 1 2", "abc 3"),
                        Map.of("lib.so", "abc 3 4 (dev=1,ino=2) /res/natives/with space/lib.so")));
        Path file = dir.resolve("request.json");
        Json.write(file, request);

        assertThat(ChildRequestReader.read(file)).isEqualTo(request)
                .isEqualTo(Json.read(file, ChildRequest.class, "request"));
    }

    @Test
    void readsNullsAndEmptyParts() {
        ChildRequest request = new ChildRequest(new ChildRequest.TestEntry(
                new ChildRequest.TestInvocation("u", "X", "x", "x()"), List.of(),
                new ChildRequest.Training("determinism_test", "x", View.CROSS_SECTIONAL, null, 7, true, true, Map.of())),
                new ChildRequest.RunSpec(1, 2, EnumSet.noneOf(Perturbation.class), RunPerturbations.none()),
                new ChildRequest.Output("/res", "/res/work/x/run-1", null, false),
                new ChildRequest.Launch(Map.of(), 0, Map.of()));
        Path file = dir.resolve("request.json");
        Json.write(file, request);

        assertThat(ChildRequestReader.read(file)).isEqualTo(request)
                .isEqualTo(Json.read(file, ChildRequest.class, "request"));
    }

    @Test
    void aSharedChildKeepsEachTestsResultInItsOwnFolder() {
        ChildRequest.Output shared = new ChildRequest.Output("/res", "/res/work/C.shared-1/run-2",
                "/res/work/C.shared-1/run-1", true);
        ChildRequest.Output single = new ChildRequest.Output("/res", "/res/work/C.m-2/run-2", "/res/work/C.m-2/run-1",
                false);

        assertThat(shared.testFiles("C.m-2").result()).isEqualTo(Path.of("/res/work/C.shared-1/run-2/tests/C.m-2/result.json"));
        assertThat(shared.firstRunTestFiles("C.m-2").dir()).isEqualTo(Path.of("/res/work/C.shared-1/run-1/tests/C.m-2"));
        assertThat(single.testFiles("C.m-2").result()).isEqualTo(Path.of("/res/work/C.m-2/run-2/result.json"));
        assertThat(single.firstRunTestFiles("C.m-2").dir()).isEqualTo(Path.of("/res/work/C.m-2/run-1"));
        assertThat(shared.runName("C.m-2", 2)).isEqualTo("C.m-2.run-2");
        assertThat(shared.replayedInto(Path.of("/r")).testFiles("C.m-2").result())
                .isEqualTo(Path.of("/r/tests/C.m-2/result.json"));
    }

    @Test
    void namesTheFileWhenItIsNotARequest() throws Exception {
        Path file = Files.writeString(dir.resolve("request.json"), "[1, 2]");

        assertThatThrownBy(() -> ChildRequestReader.read(file)).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining(file.toString());
    }
}
