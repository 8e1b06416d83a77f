package io.repro4j.junit.internal;

import io.repro4j.harness.View;
import java.util.Map;
import java.util.Set;
import io.repro4j.junit.Perturbation;
import org.apiguardian.api.API;

/**
 * What the parent tells one child JVM: which test invocation to run, as which run, with which seed, config,
 * results root and perturbations. Written as JSON to the run's work directory; every path is absolute.
 *
 * @param testUniqueId the JUnit unique id of the test invocation
 * @param testClass the test class name
 * @param testMethod the test method name
 * @param displayName the test's display name
 * @param runIndex 1-based run index
 * @param totalRuns how many runs the test has
 * @param globalSeed the configured global seed
 * @param trainSeed the derived train seed
 * @param config the experiment config name
 * @param configExplicit true when the experiment must exist
 * @param configDir the config directory, or {@code null} when none was found (built-in defaults)
 * @param target the target
 * @param view the view
 * @param symbol the symbol, or {@code null}
 * @param resultsRoot the results root
 * @param runName the run name of this run's snapshot tree
 * @param resultFile where the child writes its {@link ChildResult}
 * @param requestedPerturbations what the test asked for
 * @param perturbations what this run changes
 * @param requireLedger fail when nothing went through the choke point
 * @param requireRecords fail when nothing was recorded
 * @param configurationParameters JUnit configuration parameters the child's launcher gets
 * @param spawnedAtEpochMs when the parent started the process (for the fork overhead)
 * @param nativeLibraryDigests the parent's {@code NativeLibraries.bundledLibraryDigests()}, so the child need not hash
 *     25 MB of native libraries for its environment fingerprint (it uses only those of its own class path)
 * @param resolvedConfig the reproducibility settings the parent resolved, or {@code null} for the child to resolve them
 *     from the config directory itself
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public record ChildRequest(String testUniqueId, String testClass, String testMethod, String displayName,
        int runIndex, int totalRuns, long globalSeed, long trainSeed, String config, boolean configExplicit,
        String configDir, String target, View view, String symbol, String resultsRoot, String runName,
        String resultFile, Set<Perturbation> requestedPerturbations, RunPerturbations perturbations,
        boolean requireLedger, boolean requireRecords, Map<String, String> configurationParameters,
        long spawnedAtEpochMs, Map<String, String> nativeLibraryDigests, ChildConfig resolvedConfig) {

    /** A request the child resolves its reproducibility settings for itself. */
    public ChildRequest(String testUniqueId, String testClass, String testMethod, String displayName,
            int runIndex, int totalRuns, long globalSeed, long trainSeed, String config, boolean configExplicit,
            String configDir, String target, View view, String symbol, String resultsRoot, String runName,
            String resultFile, Set<Perturbation> requestedPerturbations, RunPerturbations perturbations,
            boolean requireLedger, boolean requireRecords, Map<String, String> configurationParameters,
            long spawnedAtEpochMs, Map<String, String> nativeLibraryDigests) {
        this(testUniqueId, testClass, testMethod, displayName, runIndex, totalRuns, globalSeed, trainSeed, config,
                configExplicit, configDir, target, view, symbol, resultsRoot, runName, resultFile,
                requestedPerturbations, perturbations, requireLedger, requireRecords, configurationParameters,
                spawnedAtEpochMs, nativeLibraryDigests, null);
    }

    /** A request without known native-library digests (the child hashes them itself). */
    public ChildRequest(String testUniqueId, String testClass, String testMethod, String displayName,
            int runIndex, int totalRuns, long globalSeed, long trainSeed, String config, boolean configExplicit,
            String configDir, String target, View view, String symbol, String resultsRoot, String runName,
            String resultFile, Set<Perturbation> requestedPerturbations, RunPerturbations perturbations,
            boolean requireLedger, boolean requireRecords, Map<String, String> configurationParameters,
            long spawnedAtEpochMs) {
        this(testUniqueId, testClass, testMethod, displayName, runIndex, totalRuns, globalSeed, trainSeed, config,
                configExplicit, configDir, target, view, symbol, resultsRoot, runName, resultFile,
                requestedPerturbations, perturbations, requireLedger, requireRecords, configurationParameters,
                spawnedAtEpochMs, Map.of());
    }

    /** The system property naming the request file; its presence marks a child JVM. */
    public static final String PROPERTY = "repro4j.child.request";

    /** A copy with the spawn time set. */
    public ChildRequest spawnedAt(long epochMs) {
        return new ChildRequest(testUniqueId, testClass, testMethod, displayName, runIndex, totalRuns, globalSeed,
                trainSeed, config, configExplicit, configDir, target, view, symbol, resultsRoot, runName, resultFile,
                requestedPerturbations, perturbations, requireLedger, requireRecords, configurationParameters,
                epochMs, nativeLibraryDigests, resolvedConfig);
    }
}
