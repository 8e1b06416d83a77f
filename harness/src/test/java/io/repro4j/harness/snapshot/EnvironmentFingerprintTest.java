package io.repro4j.harness.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvironmentFingerprintTest {

    @Test
    @SuppressWarnings("unchecked")
    void capturesTheDocumentedKeysInOrder() {
        Map<String, Object> env = EnvironmentFingerprint.capture();
        assertThat(env.keySet()).containsExactly("jdk_vendor", "jdk_version", "os_name", "os_arch", "cpu_model",
                "available_processors", "library_versions", "native_libraries", "thread_variables");
        assertThat((Map<String, Object>) env.get("library_versions")).containsOnlyKeys("xgboost4j", "lightgbmlib", "repro4j");
        assertThat((Map<String, Object>) env.get("thread_variables")).containsKeys("OMP_NUM_THREADS", "NUMEXPR_NUM_THREADS",
                "java.util.concurrent.ForkJoinPool.common.parallelism");
    }

    @Test
    void libraryVersionsSignatureIsAlwaysFilledAndSensitive() {
        Map<String, String> versions = new LinkedHashMap<>(EnvironmentFingerprint.libraryVersions());
        String signature = EnvironmentFingerprint.libraryVersionsSignature(versions);
        assertThat(signature).matches("[0-9a-f]{64}");
        versions.put("xgboost4j", "3.5.0");
        assertThat(EnvironmentFingerprint.libraryVersionsSignature(versions)).isNotEqualTo(signature);
    }

    @Test
    void cpuModelComesFromModelNameOrIsUnknown(@TempDir Path dir) throws IOException {
        Path cpuinfo = dir.resolve("cpuinfo");
        Files.writeString(cpuinfo, "processor\t: 0\nmodel name\t: Example CPU @ 2.0GHz\n");
        assertThat(EnvironmentFingerprint.cpuModel(cpuinfo)).isEqualTo("Example CPU @ 2.0GHz");
        assertThat(EnvironmentFingerprint.cpuModel(dir.resolve("missing"))).isEqualTo("unknown");
    }
}
