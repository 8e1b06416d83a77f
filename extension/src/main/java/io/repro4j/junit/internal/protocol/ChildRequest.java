package io.repro4j.junit.internal.protocol;

import io.repro4j.harness.View;
import io.repro4j.junit.Perturbation;
import java.util.Map;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * What the parent tells one child JVM, written as {@code request.json} into the child's work directory: which test
 * invocation to run, as which run, what to train under, where to write. Every path is absolute.
 *
 * @param test the test invocation
 * @param run which run this is and what it perturbs
 * @param training what the test trains under
 * @param output where the child writes
 * @param launch how the child was launched
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public record ChildRequest(TestInvocation test, RunSpec run, Training training, Output output, Launch launch) {

    /** The system property naming the request file; its presence marks a child JVM. */
    public static final String PROPERTY = "repro4j.child.request";

    /**
     * The system property that makes a child end itself and its descendants as soon as its standard input reaches
     * its end: the parent holds the pipe open while it lives, so the end means the parent is gone.
     */
    public static final String WATCH_PARENT_PROPERTY = "repro4j.child.watchParent";

    /** The child main's option that replays a run into a fresh directory instead of its own. */
    public static final String REPLAY_OPTION = "--replay";

    /**
     * The test invocation to run.
     *
     * @param uniqueId its JUnit unique id, selected with {@code selectUniqueId}
     * @param className the test class name
     * @param methodName the test method name
     * @param displayName the display name
     */
    public record TestInvocation(String uniqueId, String className, String methodName, String displayName) {
    }

    /**
     * Which run this is.
     *
     * @param index 1-based run index
     * @param total how many runs the test has
     * @param requested the perturbations the test asked for
     * @param perturbations what this run changes (nothing for run 1)
     */
    public record RunSpec(int index, int total, Set<Perturbation> requested, RunPerturbations perturbations) {

        /** {@code run 2 of 3}. */
        public String describe() {
            return "run " + index + " of " + total;
        }
    }

    /**
     * What the test trains under.
     *
     * @param experiment the experiment config name
     * @param target the target
     * @param view the view
     * @param symbol the symbol, or {@code null}
     * @param trainSeed the derived train seed
     * @param requireLedger fail when nothing went through the choke point
     * @param requireRecords fail when nothing was recorded
     * @param settings the reproducibility settings the parent resolved, by system property
     *     ({@code Setting.asProperties}); the child trains under exactly these
     */
    public record Training(String experiment, String target, View view, String symbol, long trainSeed,
            boolean requireLedger, boolean requireRecords, Map<String, String> settings) {
    }

    /**
     * Where the child writes.
     *
     * @param resultsRoot the results root
     * @param runName the run name of this run's snapshot tree
     * @param resultFile where the child writes its {@link ChildResult}
     * @param firstRunDir the work directory of run 1, whose end a later run waits for before writing its snapshot
     *     ({@link FirstRunBarrier}); {@code null} for run 1 and for a replay
     */
    public record Output(String resultsRoot, String runName, String resultFile, String firstRunDir) {

        /** Where a replay into {@code dir} writes: its own results root and result file, waiting for nobody. */
        public Output replayedInto(java.nio.file.Path dir) {
            return new Output(dir.resolve("results").toString(), runName, dir.resolve("result.json").toString(), null);
        }
    }

    /**
     * How the child was launched.
     *
     * @param configurationParameters JUnit configuration parameters the child's launcher gets
     * @param spawnedAtEpochMs when the parent started the process (for the fork overhead); 0 when unknown
     * @param nativeLibraryDigests the parent's {@code NativeLibraries.bundledLibraryDigests()}, so the child need not
     *     hash 25 MB of native libraries for its environment fingerprint
     * @param sharedNativeLibraries the verified copies of the native libraries under the results root's
     *     {@code natives/} ({@code SharedNativeLibraries.prepare}), by file name, which the child loads instead of
     *     extracting its own; empty when there are none
     */
    public record Launch(Map<String, String> configurationParameters, long spawnedAtEpochMs,
            Map<String, String> nativeLibraryDigests, Map<String, String> sharedNativeLibraries) {

        /** A launch without shared native libraries. */
        public Launch(Map<String, String> configurationParameters, long spawnedAtEpochMs,
                Map<String, String> nativeLibraryDigests) {
            this(configurationParameters, spawnedAtEpochMs, nativeLibraryDigests, Map.of());
        }
    }

    /** A copy whose output goes to {@code output}. */
    public ChildRequest withOutput(Output value) {
        return new ChildRequest(test, run, training, value, launch);
    }

    /** A copy with the spawn time set. */
    public ChildRequest spawnedAt(long epochMs) {
        return new ChildRequest(test, run, training, output,
                new Launch(launch.configurationParameters(), epochMs, launch.nativeLibraryDigests(),
                        launch.sharedNativeLibraries()));
    }
}
