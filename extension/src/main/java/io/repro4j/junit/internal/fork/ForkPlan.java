package io.repro4j.junit.internal.fork;

import io.repro4j.harness.config.ConfigLoader;
import io.repro4j.harness.config.Setting;
import io.repro4j.harness.estimator.NativeLibraries;
import io.repro4j.harness.estimator.SharedNativeLibraries;
import io.repro4j.harness.results.ResultsLayout;
import io.repro4j.harness.results.ResultsLayout.ChildFiles;
import io.repro4j.harness.results.ResultsRoot;
import io.repro4j.junit.ConfigParameter;
import io.repro4j.junit.internal.child.ChildMain;
import io.repro4j.junit.internal.config.ExtensionSettings;
import io.repro4j.junit.internal.config.ResolvedExperiment;
import io.repro4j.junit.internal.config.TrainingSpec;
import io.repro4j.junit.internal.protocol.ChildRequest;
import io.repro4j.junit.internal.protocol.RunPerturbations;
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
 * @param test the test invocation the children run
 * @param testKey the path-safe test key
 * @param results the results root
 * @param spec the validated annotation
 * @param experiment the resolved experiment
 * @param trainSeed the derived train seed (equal for every run)
 * @param children the children, run 1 first
 * @param classArchive how the children use the class-data archive
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public record ForkPlan(ChildRequest.TestInvocation test, String testKey, ResultsLayout results, TrainingSpec spec,
        ResolvedExperiment experiment, long trainSeed, List<PlannedChild> children, ClassDataArchive classArchive) {

    /** JUnit configuration parameters the child's launcher needs to run the test as the parent would. */
    static final List<String> FORWARDED_PARAMETERS = List.of("junit.jupiter.extensions.autodetection.enabled",
            "junit.jupiter.testinstance.lifecycle.default", "junit.jupiter.displayname.generator.default",
            "junit.jupiter.execution.timeout.default", "junit.jupiter.execution.timeout.testable.method.default",
            "junit.jupiter.execution.timeout.mode", "junit.jupiter.conditions.deactivate");

    /** The JVM flags every child gets, besides the strict ones. */
    static List<String> baseJvmFlags(String maxHeap) {
        return List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData",
                "-XX:+ExitOnOutOfMemoryError", "-Xmx" + maxHeap, "--enable-native-access=ALL-UNNAMED");
    }

    /**
     * One test of a plan.
     *
     * @param test the invocation (a child of one test) or the method, with a {@code null} unique id (a shared child)
     * @param parameterTypes the method's parameter types, which select it in a shared child
     * @param spec its validated annotation
     */
    public record PlannedTest(ChildRequest.TestInvocation test, List<String> parameterTypes, TrainingSpec spec) {
    }

    /**
     * Plans the runs of one test invocation, each in a child JVM of its own.
     *
     * @param testKey the path-safe key of the invocation ({@code TestKey})
     * @param parameters looks up a JUnit configuration parameter or system property of the parent
     */
    public static ForkPlan create(ChildRequest.TestInvocation test, List<String> parameterTypes, String testKey,
            TrainingSpec spec, ExtensionSettings settings, ResolvedExperiment experiment,
            Function<String, Optional<String>> parameters) {
        return create(List.of(new PlannedTest(test, parameterTypes, spec)), testKey, false, settings, experiment,
                parameters);
    }

    /**
     * Plans the shared children of several test methods of one class: run <i>k</i> of all of them in one child JVM
     * ({@code Isolation.CLASS}). They must agree on {@code runs} and {@code perturb} and share the experiment; the
     * children may run for the sum of their {@code timeoutSeconds}.
     *
     * @param key the path-safe key of the shared children's work directory {@code work/<key>/}
     */
    public static ForkPlan createShared(List<PlannedTest> tests, String key, ExtensionSettings settings,
            ResolvedExperiment experiment, Function<String, Optional<String>> parameters) {
        return create(tests, key, true, settings, experiment, parameters);
    }

    private static ForkPlan create(List<PlannedTest> tests, String testKey, boolean shared,
            ExtensionSettings settings, ResolvedExperiment experiment,
            Function<String, Optional<String>> parameters) {
        TrainingSpec first = tests.get(0).spec();
        long timeout = 0;
        for (PlannedTest t : tests) {
            if (t.spec().runs() != first.runs() || !t.spec().perturbations().equals(first.perturbations())) {
                throw new IllegalArgumentException("the tests of one shared child must agree on runs and perturb");
            }
            timeout = Math.addExact(timeout, t.spec().timeoutSeconds());
        }
        TrainingSpec spec = new TrainingSpec(first.runs(), first.config(), first.configExplicit(), first.target(),
                first.view(), first.symbol(), timeout, first.perturbations(), first.requireLedger(),
                first.requireRecords(), first.isolation());
        ResultsLayout results = settings.results();
        // Spark on the class path: its flags, a larger heap and a longer default timeout for every child.
        SparkChildren spark = SparkChildren.detect(parameters);
        spec = spark.adjust(spec);
        long trainSeed = experiment.trainSeed(spec.target(), spec.symbol(), spec.view().name());
        Path parentDir = Path.of("").toAbsolutePath();
        String java = javaExecutable();
        List<String> baseFlags = baseJvmFlags(spark.maxHeap(settings.childMaxHeap(),
                parameters.apply(ConfigParameter.CHILD_MAX_HEAP.key()).isPresent()));
        ClassDataArchive archive = ClassDataArchive.plan(settings.classDataSharing(), results, java,
                childClasspath(), baseFlags);
        int cores = Runtime.getRuntime().availableProcessors();
        // Hashed once per test JVM (fast here: C2 with SHA intrinsics), instead of in every short-lived child.
        Map<String, String> nativeDigests = NativeLibraries.bundledLibraryDigests();
        // One verified copy per results root, instead of every child extracting 25 MB from the jars.
        Map<String, String> sharedNatives = SharedNativeLibraries.prepare(results.nativeLibraries());

        Map<String, String> configParams = new LinkedHashMap<>();
        for (String key : FORWARDED_PARAMETERS) {
            parameters.apply(key).ifPresent(v -> configParams.put(key, v));
        }
        configParams.put("junit.jupiter.execution.parallel.enabled", "false");
        // The child trains under exactly what the parent resolved; it is also its system properties, so that
        // production code reading the configuration itself in the child sees the same values.
        Map<String, String> settingsProperties = Setting.asProperties(experiment.config());
        List<ChildRequest.TestEntry> entries = new ArrayList<>();
        for (PlannedTest t : tests) {
            TrainingSpec s = t.spec();
            entries.add(new ChildRequest.TestEntry(t.test(), t.parameterTypes(), new ChildRequest.Training(
                    experiment.name(), s.target(), s.view(), s.symbol(),
                    experiment.trainSeed(s.target(), s.symbol(), s.view().name()), s.requireLedger(),
                    s.requireRecords(), settingsProperties)));
        }

        List<PlannedChild> children = new ArrayList<>();
        for (int k = 1; k <= spec.runs(); k++) {
            RunPerturbations perturbations = RunPerturbations.forRun(k, spec.perturbations(), cores);
            ChildFiles files = results.child(testKey, k);
            Path cwd = perturbations.freshWorkingDirectory() ? files.freshWorkingDirectory() : parentDir;
            ChildRequest request = new ChildRequest(entries,
                    new ChildRequest.RunSpec(k, spec.runs(), spec.perturbations(), perturbations),
                    new ChildRequest.Output(results.root().toString(), files.dir().toString(),
                            k == 1 ? null : files.sibling(1).dir().toString(), shared),
                    new ChildRequest.Launch(configParams, 0L, nativeDigests, sharedNatives));

            Map<String, String> env = new LinkedHashMap<>(ChildEnvironment.variables(System.getenv(),
                    experiment.config(), perturbations));
            env.putAll(spark.environment(files.tmp()));
            List<String> command = new ArrayList<>();
            command.add(java);
            command.addAll(baseFlags);
            command.addAll(archive.jvmFlags(k));
            command.addAll(spark.jvmFlags());
            command.addAll(ChildEnvironment.jvmFlags(perturbations));
            command.add("-Djava.io.tmpdir=" + files.tmp());
            if (experiment.configDir() != null) {
                command.add("-D" + ConfigLoader.CONFIG_DIR_PROPERTY + "=" + experiment.configDir().toAbsolutePath());
            }
            command.add("-D" + ResultsRoot.PROPERTY + "=" + results.root());
            settingsProperties.forEach((key, value) -> command.add("-D" + key + "=" + value));
            command.add("-D" + ChildRequest.PROPERTY + "=" + files.request());
            command.add("-D" + ChildRequest.WATCH_PARENT_PROPERTY + "=stdin");
            command.add("-cp");
            command.add(archive.classpath());
            command.add(ChildMain.class.getName());
            command.add(files.request().toString());
            children.add(new PlannedChild(request, files, cwd, env, List.copyOf(command)));
        }
        return new ForkPlan(tests.get(0).test(), testKey, results, spec, experiment, trainSeed, List.copyOf(children),
                archive);
    }

    /** True when the children run several tests ({@code Isolation.CLASS}). */
    public boolean shared() {
        return children.get(0).request().output().shared();
    }

    /**
     * The plan as one test of a shared plan sees it, for its verdict: the same children, results and experiment,
     * with the test's own invocation, key, annotation and seed; its timeout is the shared children's.
     */
    public ForkPlan forTest(ChildRequest.TestInvocation invocation, String key, TrainingSpec testSpec) {
        TrainingSpec view = new TrainingSpec(testSpec.runs(), testSpec.config(), testSpec.configExplicit(),
                testSpec.target(), testSpec.view(), testSpec.symbol(), spec.timeoutSeconds(),
                testSpec.perturbations(), testSpec.requireLedger(), testSpec.requireRecords(), testSpec.isolation());
        return new ForkPlan(invocation, key, results, view, experiment,
                experiment.trainSeed(view.target(), view.symbol(), view.view().name()), children,
                classArchive);
    }

    /** {@code work/<test-key>/}. */
    public Path workRoot() {
        return results.testWork(testKey);
    }

    /** The JVM running this code: the children use the same one (Surefire's {@code <jvm>}, if set). */
    public static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /**
     * The test classpath with absolute entries: Surefire's {@code surefire.test.class.path} (its
     * {@code java.class.path} may be a manifest-only jar), else {@code java.class.path}.
     */
    public static String childClasspath() {
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
