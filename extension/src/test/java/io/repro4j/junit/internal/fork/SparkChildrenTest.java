package io.repro4j.junit.internal.fork;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the children of a test with Spark on its class path get, decided without linking Spark. */
class SparkChildrenTest {

    private static final SparkChildren LOCAL = new SparkChildren("3.5.3", null);

    @Test
    void aTestWithoutSparkOnItsClassPathChangesNothing() {
        SparkChildren none = SparkChildren.detect(key -> Optional.empty());

        assertThat(none.present()).as("the extension's own test class path has no Spark").isFalse();
        assertThat(none.jvmFlags()).isEmpty();
        assertThat(none.environment(Path.of("/tmp/run-1/tmp"))).isEmpty();
        assertThat(none.maxHeap("512m", false)).isEqualTo("512m");
        assertThat(none.timeoutSeconds(300)).isEqualTo(300);
        assertThat(none.jdkRefusal(25)).isNull();
    }

    @Test
    void localSparkChildrenGetTheExportALargerHeapLoopbackNoUiAndALongerDefaultTimeout() {
        assertThat(LOCAL.jvmFlags()).startsWith("--add-exports=java.base/sun.nio.ch=ALL-UNNAMED")
                .contains("-Dspark.driver.host=127.0.0.1", "-Dspark.driver.bindAddress=127.0.0.1",
                        "-Dspark.ui.enabled=false")
                .noneMatch(f -> f.startsWith("-Dspark.master="));
        assertThat(LOCAL.environment(Path.of("/tmp/run-1/tmp"))).isEqualTo(Map.of("SPARK_LOCAL_IP", "127.0.0.1"));
        assertThat(LOCAL.maxHeap("512m", false)).isEqualTo("1g");
        assertThat(LOCAL.maxHeap("768m", true)).as("the user's heap wins").isEqualTo("768m");
        assertThat(LOCAL.timeoutSeconds(300)).isEqualTo(600);
        assertThat(LOCAL.timeoutSeconds(45)).as("an explicit timeout stays").isEqualTo(45);
    }

    @Test
    void aConfiguredClusterMasterReachesTheChildrenWithoutLoopbackAndALocalClusterGetsASparkHome() {
        SparkChildren cluster = new SparkChildren("3.5.3", "spark://spark-master:7077");
        assertThat(cluster.jvmFlags()).contains("-Dspark.master=spark://spark-master:7077",
                "-Drepro4j.spark.master=spark://spark-master:7077").noneMatch(f -> f.contains("127.0.0.1"));
        assertThat(cluster.environment(Path.of("/tmp/run-1/tmp"))).isEmpty();

        SparkChildren localCluster = new SparkChildren("3.5.3", "local-cluster[2,1,1024]");
        assertThat(localCluster.jvmFlags()).contains("-Dspark.driver.host=127.0.0.1");
        assertThat(localCluster.environment(Path.of("/tmp/run-1/tmp")))
                .containsEntry("SPARK_HOME", "/tmp/run-1/tmp/spark-home").containsEntry("SPARK_SCALA_VERSION", "2.12");
    }

    @Test
    void spark3OnJava24OrNewerIsRefusedNamingTheJdkAndWhatToRunInstead() {
        assertThat(LOCAL.jdkRefusal(17)).isNull();
        assertThat(LOCAL.jdkRefusal(21)).isNull();
        assertThat(LOCAL.jdkRefusal(25)).contains("Spark 3.5.3").contains("Java 25")
                .contains("getSubject is not supported").contains("Java 17 or 21");
        assertThat(new SparkChildren("4.0.1", null).jdkRefusal(25)).isNull();
    }
}
