package io.repro4j.junit;

import io.repro4j.harness.View;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the annotated model test several times, each in a fresh JVM with the strict environment, and fails it
 * when the runs' fingerprints differ.
 *
 * <p>On a method it is a complete test declaration by itself, as {@code @RepeatedTest} is: no {@code @Test} is
 * needed. Next to {@code @ParameterizedTest} or {@code @RepeatedTest} every invocation is checked on its own.
 * {@code @Test @DeterministicTraining} works too (JUnit then logs a "Possible configuration error" discovery warning
 * about the two declarations; drop {@code @Test} to silence it). {@code @TestFactory} cannot be checked — its
 * dynamic tests would run in the test JVM — and fails with a message saying what to write instead. On a class it
 * applies to every test method; an annotation on the method wins over the class's. The test declares a
 * {@link TrainingRun} parameter, trains through it (or through {@code Determinism.createEstimator} anywhere in the
 * code it calls) and records what it produced:
 *
 * <pre>{@code
 * class ReturnModelTest {
 *
 *     @DeterministicTraining(runs = 3, target = "fwd_ret_10m",
 *             perturb = {Perturbation.IDENTITY_HASH, Perturbation.THREADS})
 *     void trainingIsReproducible(TrainingRun run) {
 *         Dataset train = Dataset.of(features, labels, List.of("ret_1m", "rsi_14", "vol_ratio"));
 *         run.recordDataset("synthetic/interval=5m", List.of("AAPL", "MSFT"), train);
 *         try (Estimator model = run.createEstimator(Library.XGBOOST,
 *                 Map.of("max_depth", 4, "n_estimators", 50), ProblemKind.REGRESSION)) {
 *             model.fit(train);
 *             double[] predictions = model.predict(train);
 *             run.recordPredictions(predictions);
 *             run.recordMetrics(Map.of("rmse", rmse(predictions, train.labels())));
 *         }
 *     }
 * }
 * }</pre>
 *
 * <p>How it runs: in the test JVM the method body is skipped and {@link #runs()} child JVMs are started (in
 * parallel up to the core count) with a clean environment (an allow-list plus {@code OMP_NUM_THREADS=1},
 * {@code TZ=UTC}, … and {@code -Duser.timezone=UTC}, {@code -Dfile.encoding=UTF-8}, …), their own temp
 * directory and their output in log files. Each child runs exactly this test invocation, with its usual
 * {@code @BeforeEach}/{@code @AfterEach} methods and extensions, and writes a snapshot under the results root.
 * Run 1 is never perturbed; later runs get the {@link #perturb() perturbations}. The test fails when a
 * fingerprint (dataset, task, routing, hyper-parameters, seed, metrics, predictions, model) differs from run
 * 1's, when a child crashes, times out or breaks the strict environment, and when the body itself fails. Files
 * land under the results root: snapshots in {@code runs/<test-key>.run-<k>/} (later runs write theirs after run
 * 1, so their {@code diff_prev.json} starts from run 1), a verdict in {@code verdicts/<test-key>.json}, child logs,
 * request, result and the exact command line of each child in {@code work/<test-key>/run-<k>/}; the fingerprints
 * are also published as report entries ({@code repro4j.*} keys, in Surefire's XML). A new execution of the same
 * test replaces what the previous one left there.
 *
 * <p>Settings (results root, child heap, parallel children, baselines, the reproducibility settings, …) are JUnit
 * configuration parameters or system properties of the test JVM; {@link ConfigParameter} lists every one with its
 * default and meaning.
 *
 * <p>Limitations:
 * <ul>
 *   <li>Each run costs a JVM start (a few hundred milliseconds plus native library loading); keep trainings small,
 *       and let the tests of a class share their child JVMs with {@code isolation = Isolation.CLASS} (one JVM start
 *       per run and class instead of per run and test).</li>
 *   <li>{@code @BeforeAll}/{@code @AfterAll} methods and other extensions' callbacks run in the test JVM as well
 *       as in each child; {@code @BeforeEach}/{@code @AfterEach} methods of an annotated test run only in the
 *       children. State the test JVM builds up (static fields, system properties set by other tests, Surefire's
 *       system properties) does not reach the children: pass configuration through files or configuration
 *       parameters.</li>
 *   <li>Parameterized and other templated tests are run one invocation at a time; dynamic tests
 *       ({@code @TestFactory}) are refused.</li>
 *   <li>Two forks of the same program are more alike than two production runs: a test that passes here can
 *       still differ on another machine, JDK or library build. The environment fingerprint in each snapshot
 *       tells such drift apart; the perturbations narrow, but do not close, the gap.</li>
 *   <li>Only training through the choke point ({@code Determinism.createEstimator} / {@link
 *       TrainingRun#createEstimator}) is made deterministic; a model built directly against XGBoost4J or LightGBM
 *       is invisible to it ({@link #requireLedger()} catches the case where nothing went through it).</li>
 * </ul>
 */
@Target({ElementType.METHOD, ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@TestTemplate
@ExtendWith(DeterministicTrainingExtension.class)
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public @interface DeterministicTraining {

    /** How many child JVMs run the test; at least 2. E.g. {@code runs = 3}. */
    int runs() default 2;

    /**
     * Experiment config name under {@code config/experiments/}, without {@code .yaml}, e.g.
     * {@code config = "intraday_xgb"}. The default {@code determinism_test} is used only when its file exists
     * (otherwise the built-in defaults apply); any other name must exist.
     */
    String config() default "determinism_test";

    /**
     * The target being trained, e.g. {@code target = "fwd_ret_10m"}; defaults to the test method's name. It
     * becomes a directory name and part of the seed: 1–128 characters from {@code [A-Za-z0-9._=-]}.
     */
    String target() default "";

    /** Routing view of the training, e.g. {@code view = View.SYMBOL_SPECIFIC}; part of the derived seed. */
    View view() default View.CROSS_SECTIONAL;

    /**
     * The symbol, required for {@link View#SYMBOL_SPECIFIC} and forbidden for {@link View#CROSS_SECTIONAL}, e.g.
     * {@code symbol = "AAPL"}. Same character rule as {@link #target()}.
     */
    String symbol() default "";

    /**
     * Seconds each child may run (start-up, the test with its lifecycle methods, and writing the snapshot) before
     * its process tree is killed and the test fails, e.g. {@code timeoutSeconds = 120}.
     */
    long timeoutSeconds() default 300;

    /**
     * What runs after the first change that must not matter, e.g.
     * {@code perturb = {Perturbation.IDENTITY_HASH, Perturbation.LOCALE_AND_TIMEZONE}}; {@code {}} turns
     * perturbation off.
     */
    Perturbation[] perturb() default {Perturbation.IDENTITY_HASH};

    /**
     * How many tests a child JVM runs, e.g. {@code isolation = Isolation.CLASS}: one (every run of this test is a JVM
     * of its own) or every test of the class with the same {@code runs}, {@code perturb} and {@code config} (run
     * <i>k</i> of all of them in one JVM). {@link Isolation#DEFAULT} takes the build's
     * {@code repro4j.isolation}, {@link Isolation#TEST} when unset.
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.2.0")
    Isolation isolation() default Isolation.DEFAULT;

    /**
     * When true (default), a run that built no estimator through {@code Determinism.createEstimator} fails: it
     * "trained without going through Determinism.createEstimator", so nothing was made deterministic.
     */
    boolean requireLedger() default true;

    /**
     * When true (default), a run that recorded nothing ({@code recordMetrics}, {@code recordPredictions},
     * {@code recordDataset}) fails: there would be nothing to compare.
     */
    boolean requireRecords() default true;
}
