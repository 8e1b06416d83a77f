package io.repro4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.repro4j.harness.testkit.ReferenceTrees;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class VerifyCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = new CommandLine(new VerifyCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void fixedTreeIsIdentical(@TempDir Path template, @TempDir Path outDir) throws IOException {
        ReferenceTrees.copyInto(template);
        int exit = run("--runs", "2", "--out", outDir.toString(), "--", "sh", "-c",
                "cp -R '" + template + "'/. \"$REPRO4J_RESULTS_DIR\"/ && test \"$OMP_NUM_THREADS\" = 1");
        assertThat(exit).as(out.toString()).isZero();
        assertThat(out.toString()).containsPattern("run 1/2: exit 0 in \\d+\\.\\d\\d s")
                .containsPattern("run 2/2: exit 0 in \\d+\\.\\d\\d s").contains("verify: identical across 2 runs");
        assertThat(outDir.resolve("run-1.log")).isRegularFile();
    }

    @Test
    void varyingValueDiffers(@TempDir Path template, @TempDir Path outDir) throws IOException {
        Path cohort = ReferenceTrees.copyInto(template);
        String snapshot = outDir.relativize(outDir.resolve(ReferenceTrees.COHORT_PATH + "/snapshot.json")).toString();
        int exit = run("--runs", "2", "--out", outDir.toString(), "--", "sh", "-c",
                "cp -R '" + template + "'/. \"$REPRO4J_RESULTS_DIR\"/ && sed -i "
                        + "\"s/\\\"train_seed\\\": 42/\\\"train_seed\\\": 1$(date +%N)/\" \"$REPRO4J_RESULTS_DIR/"
                        + snapshot + "\"");
        assertThat(cohort).exists();
        assertThat(exit).as(out.toString()).isEqualTo(1);
        assertThat(out.toString()).contains("comparison_group.train_seed:").contains("verify: runs differ");
    }

    @Test
    void failingRunReportsItsExitCodeAndLog(@TempDir Path outDir) {
        int exit = run("--runs", "2", "--out", outDir.toString(), "--", "sh", "-c", "echo boom; exit 3");
        assertThat(exit).isEqualTo(1);
        assertThat(out.toString()).contains("run 1 failed with exit code 3").contains(outDir.resolve("run-1.log")
                .toString());
    }

    @Test
    void temporaryOutputIsRemovedWhenIdentical(@TempDir Path template) throws IOException {
        ReferenceTrees.copyInto(template);
        long before = countVerifyDirs();
        int exit = run("--runs", "2", "--", "sh", "-c", "cp -R '" + template + "'/. \"$REPRO4J_RESULTS_DIR\"/");
        assertThat(exit).isZero();
        assertThat(countVerifyDirs()).isEqualTo(before);
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(run("--runs", "1", "--", "true")).isEqualTo(2);
        assertThat(run("--", "true")).isEqualTo(2);
        assertThat(run("--runs", "2", "--", "/no/such/command")).isEqualTo(2);
    }

    private static long countVerifyDirs() throws IOException {
        try (var list = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return list.filter(p -> p.getFileName().toString().startsWith("repro4j-verify-")).count();
        }
    }
}
