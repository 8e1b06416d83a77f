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

class DiffCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = new CommandLine(new DiffCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void identicalReferenceCopiesExitZero(@TempDir Path a, @TempDir Path b) throws IOException {
        ReferenceTrees.copyInto(a);
        ReferenceTrees.copyInto(b);
        assertThat(run(a.toString(), b.toString())).isZero();
        assertThat(out.toString()).startsWith("identical: 1 snapshot pair(s)");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void oneMutatedFieldExitsOneAndIsNamed(@TempDir Path a, @TempDir Path b) throws IOException {
        ReferenceTrees.copyInto(a);
        Path cb = ReferenceTrees.copyInto(b);
        ReferenceTrees.mutate(cb, json -> json.withObject("comparison_group").put("dataset_signature", "feed"));
        assertThat(run(a.toString(), b.toString())).isEqualTo(1);
        assertThat(out.toString().lines().findFirst().orElseThrow())
                .endsWith(": comparison_group.dataset_signature: "
                        + "6ada6e1e9641c92cadbf7dcb115f13c60193616d95f0abcbcc819dac0fd03d3f → feed");
    }

    @Test
    void jsonOutputCarriesTheDifferences(@TempDir Path a, @TempDir Path b) throws IOException {
        ReferenceTrees.copyInto(a);
        Path cb = ReferenceTrees.copyInto(b);
        ReferenceTrees.mutate(cb, json -> json.put("metrics_sha256", "feed"));
        assertThat(run("--json", a.toString(), b.toString())).isEqualTo(1);
        assertThat(out.toString()).contains("\"field\": \"metrics_sha256\"").contains("\"identical\": false");
    }

    @Test
    void missingDirectoryExitsTwoWithOneLineReason(@TempDir Path a) throws IOException {
        ReferenceTrees.copyInto(a);
        assertThat(run(a.toString(), a.resolve("nope").toString())).isEqualTo(2);
        assertThat(err.toString().lines()).singleElement().asString().contains("does not exist");
    }

    @Test
    void corruptedSnapshotExitsTwoNamingTheFile(@TempDir Path a, @TempDir Path b) throws IOException {
        ReferenceTrees.copyInto(a);
        Path cb = ReferenceTrees.copyInto(b);
        Files.writeString(cb.resolve("snapshot.json"), "{ not json");
        assertThat(run(a.toString(), b.toString())).isEqualTo(2);
        assertThat(err.toString().lines()).singleElement().asString()
                .contains(cb.resolve("snapshot.json").toString());
    }

    @Test
    void registeredInTheCli(@TempDir Path a, @TempDir Path b) throws IOException {
        ReferenceTrees.copyInto(a);
        Path cb = ReferenceTrees.copyInto(b);
        ReferenceTrees.mutate(cb, json -> json.withObject("comparison_group").put("train_seed", 7));
        int exit = Repro4jCli.run(new PrintWriter(out, true), new PrintWriter(err, true), "diff", a.toString(),
                b.toString());
        assertThat(exit).isEqualTo(1);
        assertThat(out.toString()).contains("comparison_group.train_seed: 42 → 7");
    }

    @Test
    void usageErrorExitsTwo() {
        assertThat(run("only-one")).isEqualTo(2);
    }
}
