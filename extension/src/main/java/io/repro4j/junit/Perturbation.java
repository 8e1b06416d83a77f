package io.repro4j.junit;

import org.apiguardian.api.API;

/**
 * What the runs after the first change that must not matter. Two forks of the same JVM program are more alike
 * than two production runs; a perturbation makes them differ, and the verdict names it when the result moves.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public enum Perturbation {
    /** On by default: shift the identity-hash sequence of the test thread by a different, recorded amount per run. */
    IDENTITY_HASH,
    /** Later runs give the native libraries and the common {@code ForkJoinPool} more threads. */
    THREADS,
    /** Later runs use another default locale (with a decimal comma) and another time zone. */
    LOCALE_AND_TIMEZONE,
    /** Later runs start in a different, empty working directory and temp directory. */
    WORKING_DIRECTORY
}
