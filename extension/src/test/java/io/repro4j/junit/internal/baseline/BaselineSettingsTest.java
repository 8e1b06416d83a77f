package io.repro4j.junit.internal.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BaselineSettingsTest {

    @Test
    void defaultsToVerifyFailOnDriftAndTheModuleBaselineDirectory() {
        BaselineSettings settings = BaselineSettings.resolve(key -> Optional.empty(), Map.of());

        assertThat(settings).isEqualTo(new BaselineSettings(BaselineMode.VERIFY,
                Path.of("src/test/resources/repro4j-baselines"), DriftPolicy.FAIL, false));
    }

    @Test
    void ciEnvironmentVariableAndItsOverride() {
        assertThat(BaselineSettings.resolve(key -> Optional.empty(), Map.of("CI", "true")).ci()).isTrue();
        assertThat(BaselineSettings.resolve(key -> Optional.empty(), Map.of("CI", "false")).ci()).isFalse();
        assertThat(BaselineSettings.resolve(key -> key.equals("repro4j.ci") ? Optional.of("false") : Optional.empty(),
                Map.of("CI", "true")).ci()).isFalse();
    }

    @Test
    void rejectsUnknownModeNamingTheProperty() {
        assertThatThrownBy(() -> BaselineSettings.resolve(
                key -> key.equals("repro4j.baseline") ? Optional.of("rewrite") : Optional.empty(), Map.of()))
                .hasMessageContaining("repro4j.baseline='rewrite'").hasMessageContaining("verify, update or off");
    }
}
