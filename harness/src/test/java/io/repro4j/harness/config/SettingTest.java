package io.repro4j.harness.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.repro4j.harness.Mode;
import io.repro4j.harness.ReproducibilityConfig;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingTest {

    @Test
    void propertiesCarryEverySettingAndReadBackUnchanged() {
        ReproducibilityConfig parent = ReproducibilityConfig.builder().mode(Mode.BEST_EFFORT).seed(-3).version("v2")
                .requireEnvVars(false).disableGpuTreeModels(false).forceSingleThread(false)
                .enforceStableOrdering(false).gpuRequestPolicy(ReproducibilityConfig.GpuRequestPolicy.FAIL).build();

        Map<String, String> properties = Setting.asProperties(parent);

        assertThat(properties.keySet()).containsExactlyElementsOf(
                Arrays.stream(Setting.values()).map(Setting::systemProperty).toList());
        assertThat(Setting.fromProperties(properties).toString()).isEqualTo(parent.toString());
    }

    @Test
    void theDocumentedDefaultsAreTheBuiltInOnes() {
        assertThat(Setting.fromProperties(Map.of()).toString())
                .isEqualTo(ReproducibilityConfig.defaults().toString());
        Map<String, String> defaults = new HashMap<>();
        for (Setting s : Setting.values()) {
            defaults.put(s.systemProperty(), s.defaultValue());
        }
        assertThat(defaults).isEqualTo(Setting.asProperties(ReproducibilityConfig.defaults()));
    }

    @Test
    void anInvalidValueNamesItsProperty() {
        assertThatThrownBy(() -> Setting.fromProperties(Map.of("repro4j.mode", "sloppy")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("repro4j.mode");
    }
}
