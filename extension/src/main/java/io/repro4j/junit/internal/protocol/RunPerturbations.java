package io.repro4j.junit.internal.protocol;

import io.repro4j.harness.strict.StrictEnvironment;
import io.repro4j.junit.Perturbation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * What one run changes that must not matter; run 1 never changes anything.
 *
 * @param identityHashShift identity hashes consumed on the test thread before the body, 0 for none
 * @param threads thread count given to native libraries and the common pool, or {@code null} for the strict 1
 * @param language the {@code user.language}, or {@code null} for the strict default
 * @param country the {@code user.country}, or {@code null} for the strict default
 * @param timeZone the {@code user.timezone} and {@code TZ}, or {@code null} for the strict UTC
 * @param freshWorkingDirectory true when the run starts in a fresh, empty working directory
 * @param testOrderRotation how a shared child reorders its tests: {@code 0} keeps the order, {@code -1} reverses it,
 *     {@code n > 0} rotates it by {@code n} (run 2 reverses, run 3 rotates by 1, run 4 by 2, …)
 * @param partitioning the Spark partitioning defaults of this run, or {@code null} for Spark's own
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public record RunPerturbations(int identityHashShift, Integer threads, String language, String country,
        String timeZone, boolean freshWorkingDirectory, int testOrderRotation,
        SparkPartitioning partitioning) {

    /** {@link #testOrderRotation()}: the tests run in reverse order. */
    public static final int REVERSED = -1;

    /** Identity-hash shifts by run index (run 1 first); distinct primes, so runs never coincide. */
    private static final int[] SHIFTS = {0, 17, 31, 47, 61, 73, 89, 97, 107, 127};

    public static final String PERTURBED_LANGUAGE = "de";
    public static final String PERTURBED_COUNTRY = "DE";
    public static final String PERTURBED_TIME_ZONE = "Asia/Kolkata";

    /** No perturbation: what run 1 always gets. */
    public static RunPerturbations none() {
        return new RunPerturbations(0, null, null, null, null, false, 0, null);
    }

    /** The perturbations of run {@code runIndex} (1-based) given what the test asked for. */
    public static RunPerturbations forRun(int runIndex, Set<Perturbation> requested, int cores) {
        if (runIndex <= 1) {
            return none();
        }
        int shift = 0;
        if (requested.contains(Perturbation.IDENTITY_HASH)) {
            shift = runIndex <= SHIFTS.length ? SHIFTS[runIndex - 1] : 17 * runIndex + 3;
        }
        Integer threads = null;
        if (requested.contains(Perturbation.THREADS)) {
            // Run 2 gets 2 threads, later runs up to the core count (never fewer than 2).
            threads = Math.max(2, Math.min(cores, runIndex));
        }
        boolean locale = requested.contains(Perturbation.LOCALE_AND_TIMEZONE);
        return new RunPerturbations(shift, threads, locale ? PERTURBED_LANGUAGE : null,
                locale ? PERTURBED_COUNTRY : null, locale ? PERTURBED_TIME_ZONE : null,
                requested.contains(Perturbation.WORKING_DIRECTORY),
                requested.contains(Perturbation.TEST_ORDER) ? (runIndex == 2 ? REVERSED : runIndex - 2) : 0,
                requested.contains(Perturbation.PARTITIONING) ? SparkPartitioning.forRun(runIndex) : null);
    }

    /** True when this run differs from run 1 in anything. */
    public boolean any() {
        return identityHashShift != 0 || threads != null || timeZone != null || freshWorkingDirectory
                || testOrderRotation != 0 || partitioning != null;
    }

    /** Environment variables this run sets differently from the strict environment. */
    public Map<String, String> environmentOverrides() {
        Map<String, String> env = new LinkedHashMap<>();
        if (threads != null) {
            for (String name : StrictEnvironment.THREAD_VARIABLES) {
                env.put(name, String.valueOf(threads));
            }
        }
        if (timeZone != null) {
            env.put("TZ", timeZone);
        }
        return env;
    }

    /** System properties this run sets differently from the strict JVM flags. */
    public Map<String, String> systemPropertyOverrides() {
        Map<String, String> props = new LinkedHashMap<>();
        if (threads != null) {
            props.put(StrictEnvironment.FORK_JOIN_PARALLELISM, String.valueOf(threads));
        }
        if (language != null) {
            props.put("user.language", language);
            props.put("user.country", country);
        }
        if (timeZone != null) {
            props.put("user.timezone", timeZone);
        }
        if (partitioning != null) {
            props.putAll(partitioning.systemProperties());
        }
        return props;
    }

    /**
     * What the snapshot's {@code run_context} records about this run's perturbations: what the run was asked to
     * change. What it really ran with is recorded by the child itself, under {@code run_context.applied}.
     */
    public Map<String, Object> context() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("identity_hash_shift", identityHashShift);
        if (threads != null) {
            out.put("threads", threads);
        }
        if (timeZone != null) {
            out.put("locale", language + "-" + country);
            out.put("time_zone", timeZone);
        }
        if (freshWorkingDirectory) {
            out.put("fresh_working_directory", true);
        }
        if (testOrderRotation != 0) {
            out.put("test_order", testOrderName());
        }
        if (partitioning != null) {
            out.put("spark_partitioning", partitioning.systemProperties());
        }
        return out;
    }

    /** Short human description, e.g. {@code identity-hash shift 17, 2 threads}; {@code none} for run 1. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (identityHashShift != 0) {
            parts.add("identity-hash shift " + identityHashShift);
        }
        if (threads != null) {
            parts.add(threads + " threads");
        }
        if (timeZone != null) {
            parts.add("locale " + language + "-" + country + ", time zone " + timeZone);
        }
        if (freshWorkingDirectory) {
            parts.add("fresh working directory");
        }
        if (testOrderRotation != 0) {
            parts.add("tests in " + (testOrderRotation == REVERSED ? "reverse order" : "order rotated by "
                    + testOrderRotation));
        }
        if (partitioning != null) {
            parts.add(partitioning.describe());
        }
        return parts.isEmpty() ? "none" : String.join(", ", parts);
    }

    /** {@code reverse} or {@code rotate-<n>}, as {@code run_context.test_order} records it. */
    private String testOrderName() {
        return testOrderRotation == REVERSED ? "reverse" : "rotate-" + testOrderRotation;
    }

    /** {@code items} in this run's test order. */
    public <T> List<T> reorder(List<T> items) {
        List<T> out = new ArrayList<>(items);
        if (testOrderRotation == REVERSED) {
            java.util.Collections.reverse(out);
        } else if (testOrderRotation > 0 && !out.isEmpty()) {
            java.util.Collections.rotate(out, -(testOrderRotation % out.size()));
        }
        return out;
    }

    /** Consumes {@link #identityHashShift()} identity hashes on the calling thread. */
    public void shiftIdentityHashes() {
        int sink = 0;
        for (int i = 0; i < identityHashShift; i++) {
            sink ^= new Object().hashCode();
        }
        lastSink = sink;
    }

    // Keeps the loop observable so it is not optimised away.
    @SuppressWarnings("unused")
    private static volatile int lastSink;
}
