package io.repro4j.spark;

import io.repro4j.harness.Repro4jException;
import io.repro4j.harness.ReproducibilityConfig;
import io.repro4j.harness.snapshot.EnvironmentFingerprint;
import io.repro4j.harness.strict.StrictEnvironment;
import io.repro4j.harness.strict.StrictGuard;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.SparkSession;
import org.apiguardian.api.API;

/**
 * Spark sessions as repro4j starts and checks them: the local session helper, the master a strict child may use,
 * and what a session tells the environment fingerprint.
 */
@API(status = API.Status.INTERNAL, since = "0.2.0")
final class SparkSessions {
    private static final System.Logger LOG = System.getLogger(SparkSessions.class.getName());

    /** The master configured on purpose, as the extension passes it to the children of a Spark test. */
    static final String MASTER_PROPERTY = "repro4j.spark.master";
    private static final String LOOPBACK = "127.0.0.1";
    private static final Pattern LOCAL_THREADS = Pattern.compile("local\\[(\\d+|\\*)(?:,\\d+)?]");
    private static final Pattern LOCAL_CLUSTER = Pattern.compile("local-cluster\\[(\\d+),\\s*(\\d+),\\s*(\\d+)]");
    /** Settings that name this process or this moment, not how it trains. */
    private static final Set<String> VOLATILE = Set.of("spark.app.id", "spark.app.startTime", "spark.app.submitTime",
            "spark.driver.port", "spark.executor.id", "spark.sql.warehouse.dir", "spark.executor.extraClassPath",
            "spark.executor.extraJavaOptions", "spark.repl.class.uri", "spark.repl.class.outputDir");

    private SparkSessions() {
    }

    /** The session of {@code DeterministicSpark.session}. */
    static SparkSession start(int numWorkers, ReproducibilityConfig config) {
        refuseUnsupportedJdk();
        String master = System.getProperty(MASTER_PROPERTY, "local[" + numWorkers + "]");
        SparkSession.Builder builder = SparkSession.builder().appName("repro4j").master(master)
                .config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false");
        if (isLocal(master) || master.startsWith("local-cluster")) {
            builder.config("spark.driver.host", LOOPBACK).config("spark.driver.bindAddress", LOOPBACK);
        }
        if (master.startsWith("local-cluster")) {
            localCluster(builder);
        }
        return builder.getOrCreate();
    }

    /**
     * Spark's {@code local-cluster[workers,cores,memory]}: a master and worker in this JVM, each executor a JVM of its
     * own started from this class path with the strict flags, its temp directory under this JVM's. The worker needs a
     * Spark home with a {@code jars/} directory; repro4j's children get {@code SPARK_HOME} under their private temp
     * directory.
     */
    private static void localCluster(SparkSession.Builder builder) {
        String home = System.getenv("SPARK_HOME");
        if (home == null || home.isBlank()) {
            throw new Repro4jException("repro4j.spark.master=" + System.getProperty(MASTER_PROPERTY) + " starts"
                    + " executors through a Spark home, but SPARK_HOME is not set: @DeterministicTraining sets it for"
                    + " its children; elsewhere point it at an empty directory with a jars/ folder");
        }
        Path tmp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath();
        try {
            Files.createDirectories(Path.of(home, "jars"));
            Files.createDirectories(tmp.resolve("executors"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the local cluster's Spark home " + home + ": "
                    + e.getMessage(), e);
        }
        StringBuilder options = new StringBuilder("-XX:-UsePerfData -Djava.io.tmpdir=" + tmp.resolve("executors"));
        StrictEnvironment.jvmFlags().forEach(f -> options.append(' ').append(f));
        builder.config("spark.executor.extraClassPath", System.getProperty("java.class.path"))
                .config("spark.executor.extraJavaOptions", options.toString());
    }

    /** Spark 3 fails inside Hadoop on Java 24 and newer; say so before it does. */
    static void refuseUnsupportedJdk() {
        int jdk = Runtime.version().feature();
        String version = org.apache.spark.package$.MODULE$.SPARK_VERSION();
        if (jdk >= 24 && version.startsWith("3.")) {
            throw new Repro4jException("Spark " + version + " cannot run on Java " + jdk + ": Hadoop's"
                    + " UserGroupInformation calls Subject.getSubject, which Java 24 removed ('getSubject is not"
                    + " supported'); run Spark on Java 17 or 21");
        }
    }

    /**
     * Refuses, in a strict {@code @DeterministicTraining} child, a master that is neither local nor the one configured
     * on purpose with {@code repro4j.spark.master}; in best-effort mode the master is only recorded (with a warning).
     */
    static void checkMaster(SparkSession session, ReproducibilityConfig config) {
        String master = session.sparkContext().master();
        if (isLocal(master) || master.equals(System.getProperty(MASTER_PROPERTY))
                || StrictGuard.launcher().isEmpty()) {
            return;
        }
        String message = "this @DeterministicTraining child trains on Spark master " + master + ", which is not local"
                + " and was not configured on purpose: a test that runs on a cluster must say so, with"
                + " -D" + MASTER_PROPERTY + "=" + master + " (or the JUnit configuration parameter), so that every run"
                + " gets the same master; or build the session with DeterministicSpark.session(numWorkers)";
        if (config.isStrict()) {
            throw new Repro4jException(message);
        }
        LOG.log(System.Logger.Level.WARNING, message + " (best-effort mode: recorded in the environment)");
    }

    /** {@code local}, {@code local[n]}, {@code local[*]}, {@code local[n,retries]}: tasks as threads of this JVM. */
    static boolean isLocal(String master) {
        return master.equals("local") || LOCAL_THREADS.matcher(master).matches();
    }

    /** Spark's facts (version, master, threads, settings) into the environment fingerprint, under {@code spark}. */
    static void recordEnvironment(SparkSession session) {
        SparkContext context = session.sparkContext();
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("version", session.version());
        facts.put("master", context.master());
        facts.put("executor_threads", executorThreads(context.master()));
        facts.put("default_parallelism", context.defaultParallelism());
        facts.put("task_cpus", context.getConf().get("spark.task.cpus", "1"));
        Map<String, String> settings = new TreeMap<>();
        scala.collection.JavaConverters.mapAsJavaMap(session.conf().getAll()).forEach((k, v) -> {
            if (k.startsWith("spark.") && !VOLATILE.contains(k)) {
                settings.put(k, v);
            }
        });
        facts.put("settings", settings);
        EnvironmentFingerprint.recordEngine("spark", facts);
    }

    /** How many task threads run at once: {@code n} of {@code local[n]}, workers times cores of a local cluster. */
    static Object executorThreads(String master) {
        if (master.equals("local")) {
            return 1;
        }
        Matcher local = LOCAL_THREADS.matcher(master);
        if (local.matches()) {
            return local.group(1).equals("*") ? Runtime.getRuntime().availableProcessors()
                    : Integer.parseInt(local.group(1));
        }
        Matcher cluster = LOCAL_CLUSTER.matcher(master.toLowerCase(Locale.ROOT));
        if (cluster.matches()) {
            return Integer.parseInt(cluster.group(1)) * Integer.parseInt(cluster.group(2));
        }
        return "cluster";
    }
}
