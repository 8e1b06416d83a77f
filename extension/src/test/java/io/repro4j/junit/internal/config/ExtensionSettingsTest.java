package io.repro4j.junit.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.repro4j.junit.ConfigParameter;
import io.repro4j.junit.Isolation;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/** The extension's own settings: defaults, valid values, and a message naming the key for an invalid one. */
class ExtensionSettingsTest {

    private static ExtensionSettings settings(Map<String, String> parameters) {
        return ExtensionSettings.from(key -> Optional.ofNullable(parameters.get(key)), Map.of());
    }

    @Test
    void defaults() {
        ExtensionSettings settings = settings(Map.of());
        assertThat(settings.isolation()).isEqualTo(Isolation.TEST);
        assertThat(settings.childMaxHeap()).isEqualTo("512m");
        assertThat(settings.childLogLimit()).isEqualTo(4L << 20);
        assertThat(settings.classDataSharing()).isTrue();
        assertThat(settings.parallelChildren()).isEqualTo(Runtime.getRuntime().availableProcessors());
    }

    @Test
    void isolationIsTestOrClassInAnyCase() {
        assertThat(settings(Map.of(ConfigParameter.ISOLATION.key(), " Class ")).isolation()).isEqualTo(Isolation.CLASS);
        assertThat(settings(Map.of(ConfigParameter.ISOLATION.key(), "TEST")).isolation()).isEqualTo(Isolation.TEST);
        assertThatThrownBy(() -> settings(Map.of(ConfigParameter.ISOLATION.key(), "method")))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessage("Configuration parameter repro4j.isolation = 'method' must be test or class.");
    }

    @Test
    void sizesAndCountsAreChecked() {
        assertThat(settings(Map.of(ConfigParameter.CHILD_LOG_LIMIT.key(), "64k")).childLogLimit()).isEqualTo(65536);
        assertThatThrownBy(() -> settings(Map.of(ConfigParameter.CHILD_MAX_HEAP.key(), "lots")))
                .hasMessageContaining("repro4j.child.maxHeap = 'lots' is not a heap size");
        assertThatThrownBy(() -> settings(Map.of(ConfigParameter.PARALLEL_CHILDREN.key(), "0")))
                .hasMessageContaining("repro4j.parallelChildren = '0' must be a whole number of at least 1");
        assertThatThrownBy(() -> settings(Map.of(ConfigParameter.CLASS_DATA_SHARING.key(), "yes")))
                .hasMessageContaining("repro4j.child.classDataSharing = 'yes' must be true or false");
    }
}
