package io.repro4j.harness;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.repro4j.harness.snapshot.Snapshot;
import io.repro4j.harness.testkit.ChildJvm;
import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Both libraries are optional dependencies: a JVM with only one of them trains with it through every entry point,
 * writes a snapshot that records the other as absent, and refuses the missing one with the dependency to add.
 */
class LibraryAbsenceIT {

    /** This test JVM's class path without the jars whose file name starts with {@code artifact}. */
    private static String classPathWithout(String artifact) {
        String full = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String kept = Arrays.stream(full.split(File.pathSeparator))
                .filter(entry -> !Path.of(entry).getFileName().toString().startsWith(artifact))
                .collect(Collectors.joining(File.pathSeparator));
        assertThat(kept).as("the class path had %s", artifact).isNotEqualTo(full);
        return kept;
    }

    private static Map<String, String> run(String mode, String classPath, Path dir) throws Exception {
        ChildJvm.Result result = ChildJvm.main(LibraryAbsenceProbe.class, mode, dir.resolve("results").toString())
                .in(dir).classPath(classPath).run();
        assertThat(result.exitCode()).as("probe %s failed:%n%s", mode, result.stderr()).isZero();
        return result.stdout().lines().filter(l -> l.contains(": "))
                .collect(Collectors.toMap(l -> l.substring(0, l.indexOf(": ")), l -> l.substring(l.indexOf(": ") + 2),
                        (a, b) -> b));
    }

    private static void assertSnapshot(Map<String, String> out, String absentKey, String presentKey,
            String presentVersion) {
        JsonNode json = Snapshot.read(Path.of(out.get("cohort"))).json();
        JsonNode versions = json.path("environment").path("library_versions");
        assertThat(versions.get(absentKey).isNull()).as("%s recorded as absent: %s", absentKey, versions).isTrue();
        assertThat(versions.get(presentKey).asText()).isEqualTo(presentVersion);
        assertThat(json.get("model_sha256").asText()).matches("[0-9a-f]{64}");
        assertThat(json.get("estimator_ledger")).hasSize(2);
        assertThat(json.get("models")).allSatisfy(m -> assertThat(m.get("model_sha256").asText())
                .matches("[0-9a-f]{64}"));
        assertThat(json.get("estimator_ledger").get(1).get("entry_point").asText())
                .isIn("Determinism.nativeTraining", "DeterministicXGBoost.train");
    }

    static Stream<Arguments> absences() {
        return Stream.of(
                Arguments.of("without-xgboost", "xgboost4j", "Library.XGBOOST needs XGBoost", "ml.dmlc:xgboost4j_2.12",
                        "lightgbmlib", "3.3.510"),
                Arguments.of("without-lightgbm", "lightgbmlib", "Library.LIGHTGBM needs LightGBM",
                        "com.microsoft.ml.lightgbm:lightgbmlib:3.3.510", "xgboost4j",
                        System.getProperty("repro4j.expectedXgboostVersion", "3.4.0")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("absences")
    void theOtherLibraryTrainsAndTheMissingOneIsRefusedNamingTheDependency(String mode, String missing,
            String refusal, String dependency, String present, String presentVersion, @TempDir Path dir)
            throws Exception {
        Map<String, String> out = run(mode, classPathWithout(missing), dir);

        assertThat(out).containsEntry("missing class loadable", "false");
        assertThat(out.get("createEstimator refused")).contains(refusal).contains(dependency);
        assertThat(out.get("nativeTraining refused")).contains(dependency);
        assertSnapshot(out, missing, present, presentVersion);
    }
}
