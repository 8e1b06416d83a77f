package io.repro4j.harness.results;

import java.nio.file.Path;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The layout of a results root, the one place its folder and file names are spelled:
 *
 * <pre>
 * &lt;root&gt;/
 *   runs/&lt;run name&gt;/targets/…            snapshot trees (one per run; see {@code SnapshotWriter})
 *   verdicts/&lt;test key&gt;.json             one verdict per {@code @DeterministicTraining} test
 *   baselines/&lt;test key&gt;.json            the baseline gate's outcome per test (for the report)
 *   work/&lt;test key&gt;/run-&lt;k&gt;/              one child JVM: request.json, result.json, stdout.log,
 *                                          stderr.log, command.txt (its replay script), tmp/, cwd/,
 *                                          replay-&lt;time&gt;-&lt;pid&gt;/ (one per replay)
 *   report/{index.html, report.json}       the report of every verdict
 *   cds/                                   the class-data archive children share
 *   natives/&lt;sha256 prefix&gt;/&lt;library&gt;       one verified copy of each bundled native library that
 *                                          children load instead of extracting their own
 *   slots/                                 lock files bounding the child JVMs running at once
 * </pre>
 *
 * Every method returns an absolute, normalised path; names that come from users (run names, test keys) are checked by
 * {@link SafeNames}, so nothing resolves outside the root.
 *
 * @param root the absolute, normalised results root
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public record ResultsLayout(Path root) {

    /** The folder of snapshot trees. */
    public static final String RUNS = "runs";
    /** The folder of verdict files. */
    public static final String VERDICTS = "verdicts";
    /** The folder of baseline-gate outcomes. */
    public static final String BASELINES = "baselines";
    /** The folder of child work directories. */
    public static final String WORK = "work";
    /** The folder of the report. */
    public static final String REPORT = "report";
    /** The folder of the class-data archive. */
    public static final String CDS = "cds";
    /** The folder of the native libraries children share. */
    public static final String NATIVES = "natives";
    /** The folder of the slot files that bound the child JVMs running at once. */
    public static final String SLOTS = "slots";

    public ResultsLayout {
        root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
    }

    /** The layout of {@code root} (made absolute). */
    public static ResultsLayout of(Path root) {
        return new ResultsLayout(root);
    }

    /** The layout of the root {@link ResultsRoot#resolve()} finds. */
    public static ResultsLayout resolve() {
        return new ResultsLayout(ResultsRoot.resolve());
    }

    /** {@code runs/}. */
    public Path runs() {
        return root.resolve(RUNS);
    }

    /** {@code runs/<runName>/}. */
    public Path run(String runName) {
        return SafeNames.resolveUnder(root, RUNS, runName);
    }

    /** The run name of run {@code k} of a test: {@code <test key>.run-<k>}. */
    public static String runName(String testKey, int k) {
        return testKey + ".run-" + k;
    }

    /** The glob matching every run name of a test, for {@code Files.newDirectoryStream}. */
    public static String runNameGlob(String testKey) {
        return testKey + ".run-*";
    }

    /** {@code verdicts/}. */
    public Path verdicts() {
        return root.resolve(VERDICTS);
    }

    /** {@code verdicts/<testKey>.json}. */
    public Path verdictFile(String testKey) {
        return SafeNames.resolveUnder(root, VERDICTS, testKey + ".json");
    }

    /** {@code baselines/}. */
    public Path baselineRecords() {
        return root.resolve(BASELINES);
    }

    /** {@code baselines/<testKey>.json}. */
    public Path baselineRecord(String testKey) {
        return SafeNames.resolveUnder(root, BASELINES, testKey + ".json");
    }

    /** {@code work/}. */
    public Path work() {
        return root.resolve(WORK);
    }

    /** {@code work/<testKey>/}: the work directories of one test's children. */
    public Path testWork(String testKey) {
        return SafeNames.resolveUnder(root, WORK, testKey);
    }

    /** The files of child run {@code k} of a test. */
    public ChildFiles child(String testKey, int k) {
        return new ChildFiles(SafeNames.resolveUnder(root, WORK, testKey, "run-" + k));
    }

    /** {@code report/}. */
    public Path report() {
        return root.resolve(REPORT);
    }

    /** {@code report/index.html}. */
    public Path reportPage() {
        return report().resolve("index.html");
    }

    /** {@code report/report.json}. */
    public Path reportJson() {
        return report().resolve("report.json");
    }

    /** {@code report/.lock}: held while the report is regenerated. */
    public Path reportLock() {
        return report().resolve(".lock");
    }

    /** {@code cds/}. */
    public Path classDataSharing() {
        return root.resolve(CDS);
    }

    /** {@code natives/}: the verified copies of the bundled native libraries that child JVMs load. */
    public Path nativeLibraries() {
        return root.resolve(NATIVES);
    }

    /** {@code slots/}: one lock file per child JVM that may run at once, shared by every test JVM using this root. */
    public Path childSlots() {
        return root.resolve(SLOTS);
    }

    /**
     * The files of one child JVM, all in its work directory.
     *
     * @param dir {@code work/<test key>/run-<k>/}
     */
    public record ChildFiles(Path dir) {

        /** What the parent tells the child. */
        public Path request() {
            return dir.resolve("request.json");
        }

        /** What the child reports back. */
        public Path result() {
            return dir.resolve("result.json");
        }

        /** The child's standard output. */
        public Path stdout() {
            return dir.resolve("stdout.log");
        }

        /** The child's standard error. */
        public Path stderr() {
            return dir.resolve("stderr.log");
        }

        /** The shell script that replays the child. */
        public Path command() {
            return dir.resolve("command.txt");
        }

        /** The child's private {@code java.io.tmpdir}. */
        public Path tmp() {
            return dir.resolve("tmp");
        }

        /** The fresh working directory of a run perturbed by {@code WORKING_DIRECTORY}. */
        public Path freshWorkingDirectory() {
            return dir.resolve("cwd");
        }

        /** Written by the parent once the child's process has ended (see the first-run barrier). */
        public Path exited() {
            return dir.resolve("exited");
        }

        /** The work directory of run {@code k} of the same test. */
        public ChildFiles sibling(int k) {
            return new ChildFiles(dir.resolveSibling("run-" + k));
        }
    }
}
