package io.repro4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SummaryCommandTest {

    private static final String DATA = "3f2a9c81d4e5b6a7c8d9e0f1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5";
    private static final String PREDICTIONS = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    @TempDir
    Path root;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void printsOneLinePerTestWithShortFingerprintsAndTheAbsoluteSnapshotTree() throws IOException {
        verdict("a", "io.acme.CrossSectionalReturnModelTest", "xgboostPredictsTenMinuteReturns", "REPRODUCIBLE",
                "runs/r1-abc/targets/fwd_ret_10m");
        verdict("b", "io.acme.SymbolSpecificModelTest", "aaplLightgbm", "REPRODUCIBLE",
                root.resolve("runs/r1-def").toString());

        int exit = run(root.toString());

        assertThat(exit).isZero();
        assertThat(err.toString()).isEmpty();
        String[] lines = out.toString().split("\n");
        assertThat(lines[0]).startsWith("TEST").contains("RUNS", "VERDICT", "DATASET", "HYPERPARAMS", "PREDICTIONS",
                "MODEL");
        assertThat(lines[1]).startsWith("CrossSectionalReturnModelTest#xgboostPredictsTenMinuteReturns")
                .contains(" 2 ", "REPRODUCIBLE", "3f2a9c81d4e5 ", "0123456789ab ", "hparams12345")
                .doesNotContain(DATA, PREDICTIONS);
        assertThat(lines[2]).isEqualTo("  snapshots: " + root.resolve("runs/r1-abc/targets/fwd_ret_10m"));
        assertThat(lines[3]).startsWith("SymbolSpecificModelTest#aaplLightgbm");
        assertThat(lines[4]).isEqualTo("  snapshots: " + root.resolve("runs/r1-def"));
        assertThat(out.toString()).contains("2 of 2 tests REPRODUCIBLE; snapshots under " + root.resolve("runs"));
    }

    @Test
    void takesFingerprintsTheVerdictDoesNotCarryFromRunOnesSnapshot() throws IOException {
        Path cohort = root.resolve("runs/t.run-1/targets/fwd_ret_10m/reproducibility/CROSS_SECTIONAL/cohort=cs_1");
        Files.createDirectories(cohort);
        Files.writeString(cohort.resolve("snapshot.json"), """
                {"comparison_group": {"data_sha256": "aaaabbbbccccdddd", "hyperparameters_signature": "hhhhiiiijjjjkkkk"},
                 "predictions_f64_sha256": "ppppqqqqrrrrssss", "model_sha256": "mmmmnnnnoooopppp"}
                """);
        Files.createDirectories(root.resolve("verdicts"));
        Files.writeString(root.resolve("verdicts/t.json"), """
                {"test_class": "a.T", "test_method": "m", "verdict": "REPRODUCIBLE", "fingerprints": {},
                 "runs": [{"index": 1, "snapshot_dir": "%s"}]}
                """.formatted(cohort));

        assertThat(run(root.toString())).isZero();
        assertThat(out.toString().split("\n")[1])
                .contains("aaaabbbbcccc", "hhhhiiiijjjj", "ppppqqqqrrrr", "mmmmnnnnoooo");
    }

    @Test
    void exitsOneAndRepeatsTheMessageWhenATestDiffers() throws IOException {
        verdict("a", "io.acme.GoodTest", "good", "REPRODUCIBLE", "runs/x");
        verdict("b", "io.acme.BadTest", "bad", "DIFFERS", "runs/y");

        assertThat(run(root.toString())).isEqualTo(1);
        assertThat(out.toString()).contains("1 of 2 tests REPRODUCIBLE")
                .contains("BadTest#bad: DIFFERS - predictions_sha256 differs in run 2");
    }

    @Test
    void describesTheLastBuildOnlyAndMentionsStaleVerdictsWithoutCountingThem() throws IOException {
        verdict("old", "io.acme.BadTest", "bad", "DIFFERS", "runs/y", "maven-1-1", "2026-12-01T09:00:00Z");
        verdict("new", "io.acme.GoodTest", "good", "REPRODUCIBLE", "runs/x", "maven-2-2", "2026-12-01T10:00:00Z");

        assertThat(run(root.toString())).isZero();
        assertThat(out.toString()).contains("1 of 1 tests REPRODUCIBLE")
                .contains("1 stale verdict(s) of earlier builds").doesNotContain("BadTest#bad");
    }

    @Test
    void exitsTwoWhenThereAreNoVerdicts() {
        assertThat(run(root.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("no verdict files in " + root.resolve("verdicts"));
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void exitsTwoOnAnUnreadableVerdict() throws IOException {
        Files.createDirectories(root.resolve("verdicts"));
        Files.writeString(root.resolve("verdicts/broken.json"), "{\"verdict\": ");
        assertThat(run(root.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("unreadable verdict file").contains("broken.json");
    }

    @Test
    void isASubcommandOfTheRepro4jCommandLine() throws IOException {
        verdict("a", "io.acme.GoodTest", "good", "REPRODUCIBLE", "runs/x");
        int exit = Repro4jCli.run(new PrintWriter(out, true), new PrintWriter(err, true), "summary", root.toString());
        assertThat(exit).isZero();
        assertThat(out.toString()).contains("GoodTest#good", "1 of 1 tests REPRODUCIBLE");
    }

    @Test
    void defaultsToTheExampleSuiteUnderTheRepositoryRoot() throws IOException {
        Files.createDirectories(root.resolve("example-tests/src"));
        Files.writeString(root.resolve("example-tests/pom.xml"), "<project/>");
        assertThat(SummaryCommand.defaultResultsRoot(root.resolve("example-tests/src")))
                .isEqualTo(root.resolve("example-tests/target/repro4j"));
    }

    @Test
    void outsideAnyCheckoutFallsBackToTheCheckoutTheCommandWasLoadedFrom() {
        // Surefire runs this test in harness/, so the checkout is its parent.
        Path checkout = Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent();
        assertThat(SummaryCommand.defaultResultsRoot(root)).isEqualTo(checkout.resolve("example-tests/target/repro4j"));
    }

    private int run(String... args) {
        CommandLine cli = new CommandLine(new SummaryCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private void verdict(String key, String testClass, String method, String verdict, String snapshotDir)
            throws IOException {
        verdict(key, testClass, method, verdict, snapshotDir, "maven-1-1", "2026-12-01T10:00:00Z");
    }

    private void verdict(String key, String testClass, String method, String verdict, String snapshotDir,
            String build, String finishedAt) throws IOException {
        Files.createDirectories(root.resolve("verdicts"));
        String json = """
                {
                  "test_id": "[engine:junit-jupiter]/[class:%1$s]/[method:%2$s(io.repro4j.junit.TrainingRun)]",
                  "test_class": "%1$s", "test_method": "%2$s", "test_key": "%5$s", "verdict": "%3$s",
                  "message": "predictions_sha256 differs in run 2\\nmore detail",
                  "runs": [
                    {"index": 1, "status": "PASSED", "exit_code": 0, "seed": 1, "snapshot_dir": "%4$s"},
                    {"index": 2, "status": "PASSED", "exit_code": 0, "seed": 1, "snapshot_dir": "%4$s-2"}
                  ],
                  "fingerprints": {
                    "comparison_group.data_sha256": "%6$s",
                    "comparison_group.hyperparameters_signature": "hparams1234567890",
                    "predictions_f64_sha256": "%7$s",
                    "model_sha256": "feedfacecafebeef00"
                  },
                  "differences": [],
                  "build_id": "%8$s", "finished_at": "%9$s"
                }
                """.formatted(testClass, method, verdict, snapshotDir, key, DATA, PREDICTIONS, build, finishedAt);
        Files.writeString(root.resolve("verdicts/" + key + ".json"), json);
    }
}
