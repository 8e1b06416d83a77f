package io.repro4j.junit.internal.protocol;

import io.repro4j.harness.View;
import io.repro4j.harness.results.ResultsLayout;
import io.repro4j.harness.results.ResultsLayout.ChildFiles;
import io.repro4j.harness.results.SafeNames;
import io.repro4j.junit.Perturbation;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * What the parent tells one child JVM, written as {@code request.json} into the child's work directory: which tests
 * to run, as which run, what each trains under, where to write. Every path is absolute.
 *
 * <p>A child of one test ({@code Isolation.TEST}) runs exactly one invocation, selected by its unique id. A shared
 * child ({@code Isolation.CLASS}) runs every invocation of several test methods of one class, selected by method;
 * each invocation writes its own result and snapshot, found from its {@link TestKey} ({@link Output#testFiles}).
 *
 * @param tests the tests to run, at least one; all train under the same experiment and settings
 * @param run which run this is and what it perturbs
 * @param output where the child writes
 * @param launch how the child was launched
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public record ChildRequest(List<TestEntry> tests, RunSpec run, Output output, Launch launch) {

    public ChildRequest {
        tests = List.copyOf(tests);
        if (tests.isEmpty()) {
            throw new IllegalArgumentException("a child request names at least one test");
        }
    }

    /** A request for one test invocation (its own child JVM). */
    public ChildRequest(TestEntry test, RunSpec run, Output output, Launch launch) {
        this(List.of(test), run, output, launch);
    }

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
     * @param uniqueId its JUnit unique id, selected with {@code selectUniqueId}; {@code null} in a shared child,
     *     which selects the method and runs its every invocation
     * @param className the test class name
     * @param methodName the test method name
     * @param displayName the display name
     */
    public record TestInvocation(String uniqueId, String className, String methodName, String displayName) {
    }

    /**
     * One test method of the request and what it trains under.
     *
     * @param test the invocation (a child of one test) or the method (a shared child)
     * @param parameterTypes the method's parameter types ({@code Class.getTypeName()}), which select it
     * @param training what it trains under
     */
    public record TestEntry(TestInvocation test, List<String> parameterTypes, Training training) {

        public TestEntry {
            parameterTypes = List.copyOf(parameterTypes);
        }

        /** The parameter types that select {@code method}: {@code Class.getTypeName()} of each. */
        public static List<String> parameterTypes(java.lang.reflect.Method method) {
            return java.util.Arrays.stream(method.getParameterTypes()).map(Class::getTypeName).toList();
        }

        /** True when this entry is {@code className#methodName(parameterTypes)}. */
        public boolean isMethod(String className, String methodName, List<String> types) {
            return test.className().equals(className) && test.methodName().equals(methodName)
                    && parameterTypes.equals(types);
        }
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
     * @param processDir the child's work directory ({@code work/<key>/run-<k>/}): request, logs, command, temp
     *     directory and the process's {@link ChildResult}
     * @param firstRunProcessDir the work directory of run 1, whose tests a later run waits for before writing their
     *     snapshots ({@link FirstRunBarrier}); {@code null} for run 1 and for a replay
     * @param shared true when the child runs several tests ({@code Isolation.CLASS})
     */
    public record Output(String resultsRoot, String processDir, String firstRunProcessDir, boolean shared) {

        /** The folder of one test's files in a shared child, under its process directory. */
        public static final String TESTS = "tests";
        /** The marker a shared child writes into a test's folder when its body is about to run. */
        public static final String STARTED = "started";

        /** The process's files. */
        public ChildFiles process() {
            return new ChildFiles(Path.of(processDir));
        }

        /**
         * The files of the test invocation {@code testKey}: its {@code result.json} (and {@code exited} marker) in a
         * shared child {@code tests/<test key>/} under the process directory, else the process directory itself.
         */
        public ChildFiles testFiles(String testKey) {
            return shared ? new ChildFiles(SafeNames.resolveUnder(Path.of(processDir), TESTS, testKey)) : process();
        }

        /** Run 1's files of the test {@code testKey}, or {@code null} when this is run 1 or a replay. */
        public ChildFiles firstRunTestFiles(String testKey) {
            return firstRunProcessDir == null ? null : new Output(resultsRoot, firstRunProcessDir, null, shared)
                    .testFiles(testKey);
        }

        /** Run 1's process files, or {@code null} when this is run 1 or a replay. */
        public ChildFiles firstRunProcess() {
            return firstRunProcessDir == null ? null : new ChildFiles(Path.of(firstRunProcessDir));
        }

        /** The run name of the snapshot tree of {@code testKey} in run {@code k}. */
        public String runName(String testKey, int k) {
            return ResultsLayout.runName(testKey, k);
        }

        /** Where a replay into {@code dir} writes: its own results root and result files, waiting for nobody. */
        public Output replayedInto(Path dir) {
            return new Output(dir.resolve("results").toString(), dir.toString(), null, shared);
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

    /** The first (in a child of one test, the only) test. */
    public TestEntry first() {
        return tests.get(0);
    }

    /** What every test of the request trains under: the experiment and the settings the JVM is set up with. */
    public Training jvmTraining() {
        return tests.get(0).training();
    }

    /** The test of {@code className#methodName(parameterTypes)}, or {@code null} when the request does not name it. */
    public TestEntry entryFor(String className, String methodName, List<String> parameterTypes) {
        for (TestEntry entry : tests) {
            if (entry.isMethod(className, methodName, parameterTypes)) {
                return entry;
            }
        }
        return null;
    }

    /** {@code run 2 of 3 of <unique id>}, or {@code … of the shared child of <class>}. */
    public String describe() {
        return run.describe() + " of " + (output.shared() ? "the shared child of " + first().test().className()
                : first().test().uniqueId());
    }

    /** A copy whose output goes to {@code output}. */
    public ChildRequest withOutput(Output value) {
        return new ChildRequest(tests, run, value, launch);
    }

    /** A copy with the spawn time set. */
    public ChildRequest spawnedAt(long epochMs) {
        return new ChildRequest(tests, run, output,
                new Launch(launch.configurationParameters(), epochMs, launch.nativeLibraryDigests(),
                        launch.sharedNativeLibraries()));
    }
}
