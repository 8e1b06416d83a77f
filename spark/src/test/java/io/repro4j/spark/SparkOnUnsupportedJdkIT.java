package io.repro4j.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.repro4j.junit.testkit.FixtureExecution;
import io.repro4j.spark.fixtures.SparkTrainingTestCase;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * Run by the {@code jdk25} Failsafe execution, in a test JVM on JDK 25: a Spark 3 test is refused before any child
 * starts, with a message naming the JDK, the Spark version and what to run instead (Spark itself would fail deep in
 * Hadoop with "getSubject is not supported").
 */
class SparkOnUnsupportedJdkIT {

    @TempDir
    Path results;

    @Test
    void aSparkTestOnJava25IsRefusedBeforeAnyChildStartsAndSaysWhichJdkToUse() {
        assumeTrue(Runtime.version().feature() >= 24, "runs in the jdk25 execution");

        FixtureExecution run = FixtureExecution.of(SparkTrainingTestCase.class).method("canonicalLayoutUnderPartitioning")
                .configDir(FixtureExecution.testConfig()).resultsRoot(results).execute();

        assertThat(run.failure()).isInstanceOf(ExtensionConfigurationException.class);
        assertThat(run.failureMessage()).contains("Spark 3.5.3 is on this test's class path")
                .contains("Java " + Runtime.version().feature()).contains("getSubject is not supported")
                .contains("Run this module's tests on Java 17 or 21");
        assertThat(run.verdict().path("verdict").asText()).isEqualTo("ERROR");
        assertThat(Files.exists(results.resolve("work"))).as("no child was planned or started").isFalse();
        assertThat(ProcessHandle.current().descendants()).isEmpty();
    }
}
