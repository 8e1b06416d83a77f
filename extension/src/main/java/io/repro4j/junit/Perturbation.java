package io.repro4j.junit;

import org.apiguardian.api.API;

/**
 * What the runs after the first change that must not matter. Two forks of the same JVM program are more alike
 * than two production runs; a perturbation makes them differ, and the verdict names it when the result moves.
 * Run 1 is never perturbed; what each run got is recorded in its snapshot's {@code run_context}.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public enum Perturbation {
    /**
     * On by default: shift the identity-hash sequence of the test thread by a different, recorded amount per run
     * (run 2 by 17, run 3 by 31, …), by computing that many identity hashes just before the test body. HotSpot
     * hands out the same identity hashes in every fresh JVM, so without this a {@code HashSet<Object>} or a
     * {@code HashMap} keyed by enums or objects without {@code hashCode} iterates in the same order in every fork
     * — and in another order in production.
     */
    IDENTITY_HASH,
    /**
     * Later runs give the native libraries ({@code OMP_NUM_THREADS} and friends) and the common
     * {@code ForkJoinPool} two or more threads, and let estimators keep the thread count the library chooses
     * (the policy's {@code force_single_thread} is off for these runs).
     */
    THREADS,
    /**
     * Later runs use the German locale ({@code de-DE}, decimal comma) and the {@code Asia/Kolkata} time zone (a
     * half-hour offset) instead of {@code en-US} and UTC.
     */
    LOCALE_AND_TIMEZONE,
    /** Later runs start in a different, empty working directory; everything repro4j passes is an absolute path. */
    WORKING_DIRECTORY,
    /**
     * Later runs execute the tests of their shared child JVM in another order (run 2 in reverse, run 3 rotated by
     * one, …), so that a test that depends on what an earlier test left behind (a static cache, a system property,
     * a file) differs. Only with {@link Isolation#CLASS}: a child of one test has no order to change, so the
     * perturbation is refused there. A class that fixes its order with {@code @TestMethodOrder} keeps it.
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.2.0")
    TEST_ORDER,

    /**
     * Later runs start with other Spark partitioning defaults, as JVM system properties Spark reads when a session
     * starts: {@code spark.default.parallelism} (3, 5, … instead of the core count: how many partitions
     * {@code createDataFrame} and {@code parallelize} make), {@code spark.sql.shuffle.partitions} (7, 11, …
     * instead of 200), {@code spark.sql.files.maxPartitionBytes} (256 KiB, 128 KiB, … instead of 128 MiB) and
     * {@code spark.sql.files.openCostInBytes} (0, 1 KiB, … instead of 4 MiB): how files are split. A distributed
     * XGBoost model depends on which rows each worker gets and in what order, so a training set whose layout follows
     * these defaults ({@code repartition(n)}, a file read as it comes) trains another model; a layout made by
     * {@code DeterministicSpark.canonical} (repro4j-spark) does not move. Tests without Spark are unaffected.
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.2.0")
    PARTITIONING
}
