package io.repro4j.junit;

import io.repro4j.harness.config.ConfigLoader;
import io.repro4j.harness.config.Setting;
import io.repro4j.harness.results.BuildId;
import io.repro4j.harness.results.ResultsRoot;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Every setting of repro4j, in one place: its key, the environment variable that overrides it (if any), its default
 * and its meaning.
 *
 * <p>Set a key as a JUnit configuration parameter ({@code junit-platform.properties}, Surefire's
 * {@code <configurationParameters>}) or as a system property of the test JVM (Surefire's
 * {@code <systemPropertyVariables>}, {@code mvn -D…}). Precedence, highest first: the environment variable, the
 * configuration parameter or system property, the experiment file ({@code config/experiments/<name>.yaml}, for
 * the reproducibility settings), {@code config/reproducibility.yaml}, the default listed here.
 *
 * <pre>{@code
 * # src/test/resources/junit-platform.properties
 * repro4j.child.maxHeap=1g
 * repro4j.baseline.onDrift=warn
 * }</pre>
 *
 * <p>{@code docs/configuration.md} lists the same table; a test keeps the two equal.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public enum ConfigParameter {

    /** {@code repro4j.mode}: {@code strict} or {@code best_effort}; environment {@code REPRO_MODE}. */
    MODE(Setting.MODE),
    /** {@code repro4j.seed}: the global seed; environment {@code REPRO_SEED}. */
    SEED(Setting.SEED),
    /** {@code repro4j.version}: the seed-derivation version; environment {@code REPRO_VERSION}. */
    VERSION(Setting.VERSION),
    /** {@code repro4j.strict.require_env_vars}: strict mode refuses to train without the strict environment. */
    REQUIRE_ENV_VARS(Setting.REQUIRE_ENV_VARS),
    /** {@code repro4j.strict.disable_gpu_tree_models}: strict mode trains tree models on CPU only. */
    DISABLE_GPU_TREE_MODELS(Setting.DISABLE_GPU_TREE_MODELS),
    /** {@code repro4j.strict.force_single_thread}: strict mode pins every estimator to one thread. */
    FORCE_SINGLE_THREAD(Setting.FORCE_SINGLE_THREAD),
    /** {@code repro4j.strict.enforce_stable_ordering}: {@code Determinism.stableSort} sorts in strict mode. */
    ENFORCE_STABLE_ORDERING(Setting.ENFORCE_STABLE_ORDERING),
    /** {@code repro4j.strict.on_gpu_request}: {@code rewrite} or {@code fail}. */
    ON_GPU_REQUEST(Setting.ON_GPU_REQUEST),

    /** {@code repro4j.configDir}: the folder holding {@code reproducibility.yaml} and {@code experiments/}. */
    CONFIG_DIR(ConfigLoader.CONFIG_DIR_PROPERTY, null, "the nearest config/ walking up from the working directory",
            "the folder holding reproducibility.yaml and experiments/; it must exist when set"),
    /** {@code repro4j.resultsDir}: the results root; environment {@code REPRO4J_RESULTS_DIR}. */
    RESULTS_DIR(ResultsRoot.PROPERTY, ResultsRoot.ENV, ResultsRoot.DEFAULT + " under the working directory",
            "where snapshots, verdicts, child work directories and the report are written"),
    /** {@code repro4j.isolation}: {@code test} or {@code class}, for tests that leave {@code isolation} at its default. */
    ISOLATION("repro4j.isolation", null, "test",
            "test (every run of every test is a child JVM of its own) or class (run k of the tests of one class"
            + " shares a child JVM), for tests whose @DeterministicTraining leaves isolation at DEFAULT"),
    /** {@code repro4j.child.maxHeap}: {@code -Xmx} of each child JVM. */
    CHILD_MAX_HEAP("repro4j.child.maxHeap", null, "512m",
            "the -Xmx of each child JVM, a number with an optional k/m/g suffix"),
    /** {@code repro4j.parallelChildren}: how many child JVMs run at once, across the test JVMs of one results root. */
    PARALLEL_CHILDREN("repro4j.parallelChildren", null, "the number of cores",
            "how many child JVMs run at once, counted across every test JVM writing to the same results root"
            + " (Surefire forkCount, Surefire and Failsafe); at least 1"),
    /** {@code repro4j.child.logLimit}: the most each child log keeps. */
    CHILD_LOG_LIMIT("repro4j.child.logLimit", null, "4m",
            "the most bytes each child's stdout.log and stderr.log keep (its first and last halves, with a line"
            + " saying what was cut); a number with an optional k/m/g suffix"),
    /** {@code repro4j.child.classDataSharing}: {@code false} turns off the class-data archive children share. */
    CLASS_DATA_SHARING("repro4j.child.classDataSharing", null, "true",
            "children share a class-data archive under <results root>/cds/; false turns it off"),
    /**
     * {@code repro4j.spark.master}: the Spark master the children of a Spark test train on, configured on purpose
     * (e.g. {@code spark://spark-master.internal:7077} or {@code local-cluster[2,1,1024]}); without it a strict child
     * refuses any master that is not local.
     */
    SPARK_MASTER("repro4j.spark.master", null, "none: the test's own master, which must be local[…] in strict mode",
            "the Spark master the children of a test with Spark on its class path train on, configured on purpose;"
            + " they get it as spark.master, and repro4j-spark accepts it in strict mode"),
    /** {@code repro4j.buildId}: names the build a verdict belongs to. */
    BUILD_ID(BuildId.PROPERTY, null, "the Maven process that started the test JVM (else the test JVM)",
            "the build a verdict belongs to; the report and repro4j summary count the last build's verdicts and"
            + " list older ones as stale"),
    /** {@code repro4j.baseline}: {@code verify}, {@code update} or {@code off}. */
    BASELINE("repro4j.baseline", null, "verify",
            "the regression gate: verify (compare with the committed baseline; write a missing one), update"
            + " (rewrite it) or off"),
    /** {@code repro4j.baselineDir}: where committed baselines live. */
    BASELINE_DIR("repro4j.baselineDir", null, "src/test/resources/repro4j-baselines",
            "the folder of committed baselines, relative to the module directory"),
    /** {@code repro4j.baseline.onDrift}: {@code fail} or {@code warn} when fingerprints moved with the environment. */
    BASELINE_ON_DRIFT("repro4j.baseline.onDrift", null, "fail",
            "fail or warn when fingerprints moved and the environment that can move them changed too"),
    /**
     * {@code repro4j.ci}: {@code true} when a missing baseline must fail. Unlike the other keys, when set it wins
     * over its environment variable {@code CI}, so that a build can act as CI, or not, on purpose.
     */
    CI("repro4j.ci", "CI", "false (true when the environment variable CI is set and not false or 0)",
            "a missing baseline fails instead of being written; when set, this key wins over the variable CI");

    private final String key;
    private final String environmentVariable;
    private final String defaultValue;
    private final String description;
    private final Setting setting;

    ConfigParameter(Setting setting) {
        this(setting.systemProperty(), setting.environmentVariable().orElse(null), setting.defaultValue(),
                setting.description(), setting);
    }

    ConfigParameter(String key, String environmentVariable, String defaultValue, String description) {
        this(key, environmentVariable, defaultValue, description, null);
    }

    ConfigParameter(String key, String environmentVariable, String defaultValue, String description,
            Setting setting) {
        this.key = key;
        this.environmentVariable = environmentVariable;
        this.defaultValue = defaultValue;
        this.description = description;
        this.setting = setting;
    }

    /** The key, e.g. {@code repro4j.child.maxHeap}: a JUnit configuration parameter or a system property. */
    public String key() {
        return key;
    }

    /** The environment variable that overrides the key, if there is one. */
    public Optional<String> environmentVariable() {
        return Optional.ofNullable(environmentVariable);
    }

    /** The default, in words. */
    public String defaultValue() {
        return defaultValue;
    }

    /** What the setting does. */
    public String description() {
        return description;
    }

    /**
     * The YAML key for the reproducibility settings ({@code reproducibility.mode}, {@code strict.require_env_vars},
     * …), which {@code config/reproducibility.yaml} and experiment files can set too.
     */
    public Optional<String> yamlKey() {
        return Optional.ofNullable(setting).map(Setting::dottedKey);
    }
}
