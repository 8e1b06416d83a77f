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

    private static BaselineSettings resolve(Map<String, String> parameters, Map<String, String> env) {
        return BaselineSettings.resolve(key -> Optional.ofNullable(parameters.get(key)), env);
    }

    @Test
    void everyKeyIsReadAndBlankOnesFallBackToTheirDefaults() {
        BaselineSettings settings = resolve(Map.of("repro4j.baseline", "update", "repro4j.baselineDir", "gates",
                "repro4j.baseline.onDrift", "warn", "repro4j.ci", "TRUE"), Map.of());
        assertThat(settings).isEqualTo(new BaselineSettings(BaselineMode.UPDATE, Path.of("gates"), DriftPolicy.WARN,
                true));
        assertThat(resolve(Map.of("repro4j.baselineDir", "  ", "repro4j.ci", " "), Map.of("CI", "1")))
                .isEqualTo(new BaselineSettings(BaselineMode.VERIFY, Path.of("src/test/resources/repro4j-baselines"),
                        DriftPolicy.FAIL, true));
        assertThat(settings.fileFor("A.b-1")).isEqualTo(Path.of("gates/A.b-1.json"));
    }

    @Test
    void ciIsOffForAnEmptyZeroOrFalseVariable() {
        assertThat(resolve(Map.of(), Map.of("CI", "0")).ci()).isFalse();
        assertThat(resolve(Map.of(), Map.of("CI", "")).ci()).isFalse();
        assertThat(resolve(Map.of(), Map.of("CI", "FALSE")).ci()).isFalse();
        assertThat(resolve(Map.of(), Map.of("CI", "yes")).ci()).isTrue();
        assertThat(resolve(Map.of("repro4j.ci", "true"), Map.of()).ci()).isTrue();
    }
}
