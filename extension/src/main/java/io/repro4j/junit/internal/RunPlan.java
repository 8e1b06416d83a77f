package io.repro4j.junit.internal;

import io.repro4j.harness.Mode;
import io.repro4j.harness.estimator.NativeLibraries;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apiguardian.api.API;

/**
 * Every child JVM of one test invocation, planned before any is started.
 *
 * @param testKey the path-safe test key
 * @param testId the JUnit unique id
 * @param resultsRoot the absolute results root
 * @param workRoot {@code <results root>/work/<test-key>}
 * @param spec the validated annotation
 * @param experiment the resolved experiment
 * @param trainSeed the derived train seed (equal for every run)
 * @param runs the runs, run 1 first
 * @param classArchive how the children use the class-data archive, or {@code null} for not at all
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public record RunPlan(String testKey, String testId, Path resultsRoot, Path workRoot, TrainingSpec spec,
        ResolvedExperiment experiment, long trainSeed, List<PlannedRun> runs, ChildClassArchive classArchive) {

    /** A plan whose children use no class-data archive. */
    public RunPlan(String testKey, String testId, Path resultsRoot, Path workRoot, TrainingSpec spec,
            ResolvedExperiment experiment, long trainSeed, List<PlannedRun> runs) {
        this(testKey, testId, resultsRoot, workRoot, spec, experiment, trainSeed, runs, null);
    }

    /** Main class of every child. */
    static final String CHILD_MAIN = "io.repro4j.junit.internal.ChildMain";

    /** {@code repro4j.*} settings passed on to children as system properties when the parent has them. */
    static final List<String> FORWARDED_PROPERTIES = List.of("repro4j.mode", "repro4j.seed", "repro4j.version",
            "repro4j.strict.require_env_vars", "repro4j.strict.disable_gpu_tree_models",
            "repro4j.strict.force_single_thread", "repro4j.strict.enforce_stable_ordering",
            "repro4j.strict.on_gpu_request");

    /** JUnit configuration parameters the child's launcher needs to run the test as the parent would. */
    static final List<String> FORWARDED_PARAMETERS = List.of("junit.jupiter.extensions.autodetection.enabled",
            "junit.jupiter.testinstance.lifecycle.default", "junit.jupiter.displayname.generator.default",
            "junit.jupiter.execution.timeout.default", "junit.jupiter.execution.timeout.testable.method.default",
            "junit.jupiter.execution.timeout.mode", "junit.jupiter.conditions.deactivate");

    /** The JVM flags every child gets, besides the strict ones. */
    static List<String> baseJvmFlags(String maxHeap) {
        return List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-XX:-UsePerfData",
                "-XX:+ExitOnOutOfMemoryError", "-Xmx" + maxHeap, "--enable-native-access=ALL-UNNAMED");
    }

    /**
     * Plans the runs of one test invocation.
     *
     * @param parameters looks up a JUnit configuration parameter or system property of the parent
     */
    public static RunPlan create(String testId, Class<?> testClass, String methodName, String displayName,
            TrainingSpec spec, ExtensionSettings settings, ResolvedExperiment experiment,
            Function<String, Optional<String>> parameters) {
        String testKey = TestKey.of(testClass, methodName, testId);
        Path root = settings.resultsRoot();
        Path workRoot = root.resolve("work").resolve(testKey);
        long trainSeed = experiment.trainSeed(spec.target(), spec.symbol(), spec.view().name());
        Path parentDir = Path.of("").toAbsolutePath();
        String java = javaExecutable();
        List<String> baseFlags = baseJvmFlags(settings.childMaxHeap());
        boolean sharing = parameters.apply(ChildClassArchive.ENABLED).map(v -> !v.trim().equalsIgnoreCase("false"))
                .orElse(true);
        ChildClassArchive archive = ChildClassArchive.plan(sharing, root, java, childClasspath(), baseFlags);
        String classpath = archive.classpath();
        int cores = Runtime.getRuntime().availableProcessors();
        // Hashed once per test JVM (fast here: C2 with SHA intrinsics), instead of in every short-lived child.
        Map<String, String> nativeDigests = NativeLibraries.bundledLibraryDigests();

        Map<String, String> configParams = new LinkedHashMap<>();
        for (String key : FORWARDED_PARAMETERS) {
            parameters.apply(key).ifPresent(v -> configParams.put(key, v));
        }
        configParams.put("junit.jupiter.execution.parallel.enabled", "false");
        Map<String, String> forwarded = new LinkedHashMap<>();
        for (String key : FORWARDED_PROPERTIES) {
            parameters.apply(key).ifPresent(v -> forwarded.put(key, v));
        }

        // The child uses these values as they are: its environment and properties below are built from them.
        ChildConfig childConfig = ChildConfig.of(experiment.config());
        List<PlannedRun> runs = new ArrayList<>();
        for (int k = 1; k <= spec.runs(); k++) {
            RunPerturbations perturbations = RunPerturbations.forRun(k, spec.perturbations(), cores);
            Path workDir = workRoot.resolve("run-" + k);
            Path tmpDir = workDir.resolve("tmp");
            Path cwd = perturbations.freshWorkingDirectory() ? workDir.resolve("cwd") : parentDir;
            String runName = testKey + ".run-" + k;
            ChildRequest request = new ChildRequest(testId, testClass.getName(), methodName, displayName, k,
                    spec.runs(), experiment.config().seed(), trainSeed, experiment.name(), spec.configExplicit(),
                    experiment.configDir() == null ? null : experiment.configDir().toAbsolutePath().toString(),
                    spec.target(), spec.view(), spec.symbol(), root.toString(), runName,
                    workDir.resolve("result.json").toString(), spec.perturbations(), perturbations,
                    spec.requireLedger(), spec.requireRecords(), configParams, 0L, nativeDigests, childConfig);

            Map<String, String> env = ChildEnvironment.variables(System.getenv(), experiment.config().seed(),
                    experiment.config().mode() == null ? Mode.STRICT : experiment.config().mode(),
                    experiment.config().version(), perturbations);
            List<String> command = new ArrayList<>();
            command.add(java);
            command.addAll(baseFlags);
            command.addAll(archive.jvmFlags(k));
            command.addAll(ChildEnvironment.jvmFlags(perturbations));
            command.add("-Djava.io.tmpdir=" + tmpDir);
            if (experiment.configDir() != null) {
                command.add("-Drepro4j.configDir=" + experiment.configDir().toAbsolutePath());
            }
            command.add("-D" + ExtensionSettings.RESULTS_DIR + "=" + root);
            forwarded.forEach((key, value) -> command.add("-D" + key + "=" + value));
            command.add("-D" + ChildRequest.PROPERTY + "=" + workDir.resolve("request.json"));
            command.add("-cp");
            command.add(classpath);
            command.add(CHILD_MAIN);
            command.add(workDir.resolve("request.json").toString());
            runs.add(new PlannedRun(request, workDir, tmpDir, cwd, perturbations.freshWorkingDirectory(), env,
                    List.copyOf(command)));
        }
        return new RunPlan(testKey, testId, root, workRoot, spec, experiment, trainSeed, List.copyOf(runs),
                archive);
    }

    /** The JVM running this code: the children use the same one (Surefire's {@code <jvm>}, if set). */
    static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /**
     * The test classpath with absolute entries: Surefire's {@code surefire.test.class.path} (its
     * {@code java.class.path} may be a manifest-only jar), else {@code java.class.path}.
     */
    static String childClasspath() {
        String cp = System.getProperty("surefire.test.class.path");
        if (cp == null || cp.isBlank()) {
            cp = System.getProperty("java.class.path");
        }
        List<String> entries = new ArrayList<>();
        for (String entry : cp.split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                entries.add(Path.of(entry).toAbsolutePath().toString());
            }
        }
        return String.join(File.pathSeparator, entries);
    }
}
