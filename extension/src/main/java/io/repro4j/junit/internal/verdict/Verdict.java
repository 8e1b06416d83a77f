package io.repro4j.junit.internal.verdict;

import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * The outcome of one {@code @DeterministicTraining} test, as written to {@code <results root>/verdicts/<test-key>.json}
 * (snake_case keys, sorted). The HTML report, the baselines and summary tables read that file.
 *
 * @param testId the JUnit unique id
 * @param testClass the test class name
 * @param testMethod the test method name
 * @param displayName the display name
 * @param testKey the path-safe test key
 * @param verdict REPRODUCIBLE, DIFFERS or ERROR
 * @param message the failure message, or {@code null} when reproducible
 * @param runs one entry per run, run 1 first
 * @param fingerprints run 1's fingerprint fields (empty when run 1 wrote no snapshot)
 * @param differences every fingerprint field of a later run that differs from run 1
 * @param environment run 1's environment fingerprint (empty when unknown)
 * @param finishedAt ISO-8601 instant the verdict was reached
 * @param buildId the build the verdict belongs to ({@code BuildId}); the report and summary count the last build's
 * @param libraries the model families run 1 trained with ({@code xgboost}, {@code lightgbm}), from its snapshot
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public record Verdict(String testId, String testClass, String testMethod, String displayName, String testKey,
        Kind verdict, String message, List<RunReport> runs, Map<String, String> fingerprints,
        List<Difference> differences, Object environment, String finishedAt, String buildId, List<String> libraries) {

    /** The verdict of a test refused before any child JVM started (a wrong attribute, setting or config file). */
    public static Verdict refused(String testId, String testClass, String testMethod, String displayName,
            String testKey, String message) {
        return new Verdict(testId, testClass, testMethod, displayName, testKey, Kind.ERROR, message, List.of(), Map.of(),
                List.of(), Map.of(), java.time.Instant.now().toString(), null, List.of());
    }

    /** A copy that belongs to build {@code id}. */
    public Verdict inBuild(String id) {
        return new Verdict(testId, testClass, testMethod, displayName, testKey, verdict, message, runs, fingerprints,
                differences, environment, finishedAt, id, libraries);
    }

    /** A copy naming the model families run 1 trained with. */
    public Verdict trainedWith(List<String> families) {
        return new Verdict(testId, testClass, testMethod, displayName, testKey, verdict, message, runs, fingerprints,
                differences, environment, finishedAt, buildId, List.copyOf(families));
    }

    /** What the runs showed. */
    public enum Kind {
        /** Every run completed and every fingerprint equals run 1's. */
        REPRODUCIBLE,
        /** Every run completed but a fingerprint differs from run 1's. */
        DIFFERS,
        /** A run crashed, timed out, broke the strict environment, or the test itself failed. */
        ERROR
    }

    /**
     * One run.
     *
     * @param index 1-based run index
     * @param status SUCCESSFUL, FAILED, ABORTED, NOT_RUN, TIMED_OUT, CRASHED or NOT_STARTED
     * @param exitCode the child's exit code, or {@code null}
     * @param seed the train seed
     * @param snapshotDir the cohort directory, or {@code null}
     * @param perturbations what this run changed (empty for run 1)
     * @param elapsedMs spawn to exit
     * @param forkOverheadMs spawn to the test body starting, {@code -1} when unknown
     * @param log the child's stderr log
     */
    public record RunReport(int index, String status, Integer exitCode, long seed, String snapshotDir,
            Map<String, Object> perturbations, long elapsedMs, long forkOverheadMs, String log) {
    }

    /**
     * One differing fingerprint field.
     *
     * @param run the run that differs from run 1
     * @param field the dotted field name
     * @param reference run 1's value
     * @param actual this run's value
     * @param detail metric ULPs, first differing prediction, or an empty string
     */
    public record Difference(int run, String field, String reference, String actual, String detail) {
    }
}
