package io.repro4j.junit.internal.fork;

import io.repro4j.junit.ConfigParameter;
import io.repro4j.junit.DeterministicTraining;
import io.repro4j.junit.internal.config.TrainingSpec;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * What the children of a test get when Apache Spark is on its class path, without the test saying so: the one JVM
 * flag Spark needs on Java 17 ({@code --add-exports=java.base/sun.nio.ch=ALL-UNNAMED}), a larger heap, loopback-only
 * networking and no web UI for a local master, a longer default timeout, and the master a user configured on purpose
 * ({@link ConfigParameter#SPARK_MASTER}). Spark is found by looking its classes up on the children's class path, so
 * the extension links to none of it. Spark 3 on Java 24 or newer is refused before anything starts: Hadoop calls
 * {@code Subject.getSubject}, which those JDKs no longer support.
 *
 * @param sparkVersion the Spark version on the class path ({@code unknown} when its jar does not say), {@code null}
 *     when Spark is not there
 * @param master the master configured on purpose, or {@code null}
 */
@API(status = API.Status.INTERNAL, since = "0.2.0")
public record SparkChildren(String sparkVersion, String master) {

    /** A class of spark-core; its presence makes a test a Spark test. */
    static final String SPARK_CLASS = "org/apache/spark/SparkContext.class";
    /** The heap a Spark child gets unless {@code repro4j.child.maxHeap} is set: Spark refuses less than ~450 MB. */
    static final String SPARK_HEAP = "1g";
    /** The timeout of a Spark child when the annotation keeps its default (a session alone takes seconds). */
    static final long SPARK_TIMEOUT_SECONDS = 600;
    /** The system property that tells a child which master was configured on purpose (read by repro4j-spark). */
    public static final String MASTER_PROPERTY = "repro4j.spark.master";

    private static final String LOOPBACK = "127.0.0.1";
    /** The Scala version of the Spark build repro4j supports (xgboost4j-spark_2.12). */
    private static final String SCALA_VERSION = "2.12";
    private static final Map<String, Optional<String>> VERSIONS = new ConcurrentHashMap<>();

    /** The children of a test without Spark: nothing changes. */
    static SparkChildren none() {
        return new SparkChildren(null, null);
    }

    /**
     * Looks for Spark on the children's class path ({@link ForkPlan#childClasspath()}) and reads the configured master.
     *
     * @param parameters the parent's configuration parameters and system properties
     */
    public static SparkChildren detect(Function<String, Optional<String>> parameters) {
        String version = sparkVersion(ForkPlan.childClasspath()).orElse(null);
        if (version == null) {
            return none();
        }
        String master = parameters.apply(ConfigParameter.SPARK_MASTER.key()).map(String::trim)
                .filter(m -> !m.isEmpty()).orElse(null);
        return new SparkChildren(version, master);
    }

    /**
     * Refuses a test whose children would run Spark 3 on a JDK that cannot run it, before anything forks: the child
     * would fail deep inside Hadoop instead.
     *
     * @throws ExtensionConfigurationException naming the JDK, the Spark version and what to run instead
     */
    public static void refuseUnsupportedJdk(Function<String, Optional<String>> parameters) {
        SparkChildren spark = detect(parameters);
        String refusal = spark.jdkRefusal(Runtime.version().feature());
        if (refusal != null) {
            throw new ExtensionConfigurationException(refusal);
        }
    }

    /** The refusal for children on a JDK of feature version {@code jdk}, or {@code null} when they can run Spark. */
    String jdkRefusal(int jdk) {
        if (!present() || jdk < 24 || majorVersion() >= 4) {
            return null;
        }
        return "Spark " + sparkVersion + " is on this test's class path, but its children would run on Java " + jdk
                + ", where Spark 3 fails inside Hadoop (UserGroupInformation calls Subject.getSubject: 'getSubject is"
                + " not supported' since Java 24). Run this module's tests on Java 17 or 21: set JAVA_HOME, or"
                + " Surefire's and Failsafe's <jvm> to a JDK 17 or 21 java.";
    }

    /** True when Spark is on the class path. */
    public boolean present() {
        return sparkVersion != null;
    }

    /** True when the children's master runs in or beside the child on this machine: none configured, or local*. */
    boolean localMaster() {
        return master == null || master.toLowerCase(Locale.ROOT).startsWith("local");
    }

    /** The heap of each child: Spark's unless the user set one. */
    String maxHeap(String configured, boolean userSetIt) {
        return present() && !userSetIt ? SPARK_HEAP : configured;
    }

    /** The timeout of each child: longer for Spark when the annotation keeps its default. */
    long timeoutSeconds(long annotated) {
        return present() && annotated == defaultTimeout() ? Math.max(annotated, SPARK_TIMEOUT_SECONDS) : annotated;
    }

    /** {@code spec} with {@link #timeoutSeconds(long)} as its timeout. */
    TrainingSpec adjust(TrainingSpec spec) {
        long timeout = timeoutSeconds(spec.timeoutSeconds());
        if (timeout == spec.timeoutSeconds()) {
            return spec;
        }
        return new TrainingSpec(spec.runs(), spec.config(), spec.configExplicit(), spec.target(), spec.view(),
                spec.symbol(), timeout, spec.perturbations(), spec.requireLedger(), spec.requireRecords(),
                spec.isolation());
    }

    /**
     * The JVM flags Spark needs: the export, and as system properties (Spark reads {@code spark.*} ones when a session
     * starts) loopback addresses, no UI and no progress bar for a local master, and the configured master.
     */
    List<String> jvmFlags() {
        if (!present()) {
            return List.of();
        }
        List<String> flags = new ArrayList<>();
        flags.add("--add-exports=java.base/sun.nio.ch=ALL-UNNAMED");
        settings().forEach((k, v) -> flags.add("-D" + k + "=" + v));
        return flags;
    }

    /** The {@code spark.*} (and {@link #MASTER_PROPERTY}) system properties of each child, in a fixed order. */
    Map<String, String> settings() {
        Map<String, String> settings = new LinkedHashMap<>();
        if (localMaster()) {
            settings.put("spark.driver.host", LOOPBACK);
            settings.put("spark.driver.bindAddress", LOOPBACK);
            settings.put("spark.ui.enabled", "false");
        }
        settings.put("spark.ui.showConsoleProgress", "false");
        if (master != null) {
            settings.put("spark.master", master);
            settings.put(MASTER_PROPERTY, master);
        }
        return settings;
    }

    /**
     * Variables Spark reads when it starts: its own address, loopback for a local master; for a
     * {@code local-cluster[…]} master also a Spark home under the child's private temp directory {@code tmp}, from
     * which its worker starts the executor JVMs (and keeps their work directories, deleted with it).
     */
    Map<String, String> environment(Path tmp) {
        if (!present() || !localMaster()) {
            return Map.of();
        }
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SPARK_LOCAL_IP", LOOPBACK);
        if (master != null && master.startsWith("local-cluster")) {
            env.put("SPARK_HOME", tmp.resolve("spark-home").toString());
            env.put("SPARK_SCALA_VERSION", SCALA_VERSION);
        }
        return env;
    }

    private int majorVersion() {
        try {
            return Integer.parseInt(sparkVersion.substring(0, sparkVersion.indexOf('.')));
        } catch (RuntimeException unknown) {
            return 3; // unknown versions are treated as the Spark this build tests
        }
    }

    private static long defaultTimeout() {
        try {
            return (Long) DeterministicTraining.class.getMethod("timeoutSeconds").getDefaultValue();
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The Spark version on {@code classpath}, looked up once per class path. */
    static Optional<String> sparkVersion(String classpath) {
        return VERSIONS.computeIfAbsent(classpath, SparkChildren::lookUp);
    }

    private static Optional<String> lookUp(String classpath) {
        List<URL> urls = new ArrayList<>();
        for (String entry : classpath.split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                try {
                    urls.add(Path.of(entry).toUri().toURL());
                } catch (MalformedURLException e) {
                    throw new IllegalArgumentException("not a class path entry: " + entry, e);
                }
            }
        }
        // No parent: only what the children will see counts, not what the test JVM happens to have.
        try (URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), null)) {
            if (loader.findResource(SPARK_CLASS) == null) {
                return Optional.empty();
            }
            for (String scala : List.of("2.12", "2.13")) {
                URL pom = loader.findResource("META-INF/maven/org.apache.spark/spark-core_" + scala + "/pom.properties");
                if (pom != null) {
                    try (InputStream in = pom.openStream()) {
                        Properties p = new Properties();
                        p.load(in);
                        return Optional.of(p.getProperty("version", "unknown").trim());
                    }
                }
            }
            return Optional.of("unknown");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot look for Spark on the class path: " + e.getMessage(), e);
        }
    }
}
