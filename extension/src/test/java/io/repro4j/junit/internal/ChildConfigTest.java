package io.repro4j.junit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.repro4j.harness.Mode;
import io.repro4j.harness.ReproducibilityConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ChildConfigTest {

    @Test
    void carriesEverySettingTheParentResolved() {
        ReproducibilityConfig parent = ReproducibilityConfig.builder().mode(Mode.BEST_EFFORT).seed(-3).version("v1")
                .requireEnvVars(false).disableGpuTreeModels(false).forceSingleThread(false)
                .enforceStableOrdering(false).gpuRequestPolicy(ReproducibilityConfig.GpuRequestPolicy.FAIL)
                .source(Path.of("/cfg/experiments/e.yaml")).build();

        ReproducibilityConfig child = ChildConfig.of(parent).toConfig();

        assertThat(child.toString()).isEqualTo(parent.toString());
        assertThat(ChildConfig.of(child)).isEqualTo(ChildConfig.of(parent));
        assertThat(child.mode()).isEqualTo(Mode.BEST_EFFORT);
        assertThat(child.seed()).isEqualTo(-3);
        assertThat(child.requireEnvVars()).isFalse();
        assertThat(child.disableGpuTreeModels()).isFalse();
        assertThat(child.forceSingleThread()).isFalse();
        assertThat(child.enforceStableOrdering()).isFalse();
        assertThat(child.gpuRequestPolicy()).isEqualTo(ReproducibilityConfig.GpuRequestPolicy.FAIL);
        assertThat(child.source()).contains(Path.of("/cfg/experiments/e.yaml"));
    }

    @Test
    void keepsTheDefaultsWithoutASourceFile() {
        ReproducibilityConfig child = ChildConfig.of(ReproducibilityConfig.defaults()).toConfig();

        assertThat(child.toString()).isEqualTo(ReproducibilityConfig.defaults().toString());
        assertThat(child.source()).isEmpty();
    }
}
