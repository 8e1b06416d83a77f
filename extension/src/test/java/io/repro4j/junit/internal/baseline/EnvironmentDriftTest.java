package io.repro4j.junit.internal.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.repro4j.harness.Library;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which environment changes there are, in which order, and which of them can move a training's fingerprints. */
class EnvironmentDriftTest {

    private static JsonNode json(String text) throws Exception {
        return new ObjectMapper().readTree(text);
    }

    @Test
    void changesComeInTheMostTellingOrderWithReadableLabels() throws Exception {
        JsonNode before = json("{\"thread_variables\": {\"OMP_NUM_THREADS\": \"1\"}, \"zeta\": \"1\", \"alpha\": \"1\","
                + " \"native_libraries\": {\"libxgboost4j.so\": \"aa\"}, \"library_versions\": {\"xgboost4j\":"
                + " \"2.1.4\"}, \"cpu_model\": \"A\", \"jdk_version\": \"17\"}");
        JsonNode after = json("{\"thread_variables\": {\"OMP_NUM_THREADS\": \"2\"}, \"zeta\": \"2\", \"alpha\": \"2\","
                + " \"native_libraries\": {\"libxgboost4j.so\": \"bb\"}, \"library_versions\": {\"xgboost4j\":"
                + " \"3.4.0\"}, \"cpu_model\": \"B\", \"jdk_version\": \"21\"}");

        List<EnvironmentChange> changes = EnvironmentDrift.between(before, after, Set.of(Library.XGBOOST));

        assertThat(changes).extracting(EnvironmentChange::key).containsExactly("jdk_version", "cpu_model",
                "library_versions.xgboost4j", "native_libraries.libxgboost4j.so", "thread_variables.OMP_NUM_THREADS",
                "alpha", "zeta");
        assertThat(changes).extracting(EnvironmentChange::label).containsExactly("jdk_version", "cpu_model",
                "xgboost4j", "native library libxgboost4j.so", "OMP_NUM_THREADS", "alpha", "zeta");
        assertThat(changes).extracting(EnvironmentChange::canMoveFingerprints)
                .containsExactly(true, false, true, true, false, false, false);
    }

    @Test
    void onlyTheLibrariesTheTestTrainedWithCanMoveItsFingerprints() {
        assertThat(EnvironmentDrift.canMoveFingerprints("library_versions.xgboost4j", Set.of(Library.LIGHTGBM)))
                .isFalse();
        assertThat(EnvironmentDrift.canMoveFingerprints("library_versions.lightgbmlib", Set.of(Library.LIGHTGBM)))
                .isTrue();
        assertThat(EnvironmentDrift.canMoveFingerprints("native_libraries.lib_lightgbm.so", Set.of(Library.LIGHTGBM)))
                .isTrue();
        assertThat(EnvironmentDrift.canMoveFingerprints("native_libraries.lib_lightgbm.so", Set.of(Library.XGBOOST)))
                .isFalse();
        assertThat(EnvironmentDrift.canMoveFingerprints("library_versions.repro4j", Set.of())).isTrue();
        for (String key : List.of("jdk_vendor", "jdk_version", "os_name", "os_arch")) {
            assertThat(EnvironmentDrift.canMoveFingerprints(key, Set.of())).as(key).isTrue();
        }
        assertThat(EnvironmentDrift.canMoveFingerprints("available_processors", Set.of(Library.XGBOOST))).isFalse();
    }

    @Test
    void addedAndRemovedPropertiesAreChangesAndIdenticalOnesAreNot() throws Exception {
        List<EnvironmentChange> changes = EnvironmentDrift.between(json("{\"jdk_version\": \"17\", \"gone\": \"x\"}"),
                json("{\"jdk_version\": \"17\", \"new\": \"y\"}"), Set.of());

        assertThat(changes).extracting(EnvironmentChange::key).containsExactly("gone", "new");
        assertThat(changes.get(0).actual()).isNull();
        assertThat(changes.get(1).baseline()).isNull();
        assertThat(EnvironmentDrift.between(null, json("{}"), Set.of())).isEmpty();
    }
}
