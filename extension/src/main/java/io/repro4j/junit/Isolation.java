package io.repro4j.junit;

import org.apiguardian.api.API;

/**
 * How many tests one child JVM runs, set with {@link DeterministicTraining#isolation()} or, for a whole build, with
 * {@link ConfigParameter#ISOLATION} ({@code repro4j.isolation=class}).
 *
 * <p>Under {@link #TEST} every run of every test is a JVM of its own. Under {@link #CLASS} run <i>k</i> of every
 * annotated test of one test class executes in one child JVM: a class of <i>M</i> tests costs {@code runs} JVMs
 * instead of {@code runs × M}. Each run still lives in its own process, so the runs stay independent of one another;
 * the tests inside one child share it the way tests share a reused Surefire fork (static state, loaded classes,
 * native libraries), which {@link Perturbation#TEST_ORDER} exposes by running them in another order in later runs.
 * Verdicts, baselines and the report are per test either way.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2.0")
public enum Isolation {
    /** What the build sets with {@code repro4j.isolation}; {@link #TEST} when it sets nothing. */
    DEFAULT,
    /** Every run of the test is a child JVM of its own (the default). */
    TEST,
    /**
     * Run <i>k</i> of every test of the class that has the same {@code runs}, {@code perturb} and {@code config}
     * executes in one child JVM. A crash or timeout of that child fails every test it had not finished, naming the
     * test it was running; the child may run for the sum of its tests' {@code timeoutSeconds}.
     */
    CLASS
}
