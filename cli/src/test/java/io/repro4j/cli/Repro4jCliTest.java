package io.repro4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Repro4jCliTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Repro4jCli.run(new PrintWriter(out), new PrintWriter(err), args);
    }

    @Test
    void printsTheDerivedSeed() {
        assertThat(run("seed", "--seed", "42", "--phase", "test", "--target", "test_target")).isZero();
        assertThat(out).hasToString("1411722912" + System.lineSeparator());
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void aBrokenConfigExitsTwoWithTheConfigMessageAndNoClassName() throws IOException {
        Path config = Files.createDirectories(dir.resolve("config"));
        Files.writeString(config.resolve("reproducibility.yaml"), "reproducibility:\n  seeed: 42\n");
        System.setProperty("repro4j.configDir", config.toString());
        io.repro4j.harness.Determinism.useConfiguration(null);
        try {
            assertThat(run("verify", "--runs", "2", "--", "true")).isEqualTo(2);
        } finally {
            System.clearProperty("repro4j.configDir");
            io.repro4j.harness.Determinism.useConfiguration(null);
        }
        assertThat(err.toString().lines()).singleElement().asString()
                .contains("reproducibility.yaml").contains("seeed").doesNotContain("unexpected");
    }

    @Test
    void derivesSeedsFromEveryOption() {
        // reference vector: resolve_seed(7, "model_training", "fwd/ret|5m", 2, "MSFT", None, "v1") == 109892329
        assertThat(run("seed", "--seed", "7", "--phase", "model_training", "--target", "fwd/ret|5m", "--fold", "2",
                "--symbol", "MSFT", "--version", "v1")).isZero();
        assertThat(out.toString().strip()).isEqualTo("109892329");
    }

    @Test
    void acceptsNegativeAndHugeSeeds() {
        // reference vector: global_seed -1, target_ranking, fwd_ret_10m == 988262427
        assertThat(run("seed", "--seed", "-1", "--phase", "target_ranking", "--target", "fwd_ret_10m")).isZero();
        assertThat(out.toString().strip()).isEqualTo("988262427");
        out.getBuffer().setLength(0);
        assertThat(run("seed", "--seed", "18446744073709551623", "--phase", "training", "--target", "fwd_ret_10m"))
                .isZero();
        assertThat(out.toString().strip()).isEqualTo("1363703709");
    }

    @Test
    void digestsAMetricsFileKeepingIntsAndFloatsApart() throws IOException {
        // reference vectors: {"n": 5} and {"n": 5.0}
        Path ints = Files.writeString(dir.resolve("ints.json"), "{\"n\": 5}");
        Path floats = Files.writeString(dir.resolve("floats.json"), "{\"n\": 5.0}\n");

        assertThat(run("digest", "metrics", ints.toString())).isZero();
        assertThat(run("digest", "metrics", floats.toString())).isZero();

        assertThat(out.toString().lines()).containsExactly(
                "903c540936fe762edee4df3fd1b388884ed068fcff00ec2b3b3910dc28523757",
                "bd49621b528a9de1b553a226d9797994e33d4829abe475067881caf1fd454b42");
    }

    @Test
    void digestsNonFiniteMetricsAsTheReferenceDoes() throws IOException {
        // reference vector: x NaN, y inf, z -inf, w 1.0
        Path file = Files.writeString(dir.resolve("m.json"),
                "{\"x\": NaN, \"y\": Infinity, \"z\": -Infinity, \"w\": 1.0}");

        assertThat(run("digest", "metrics", file.toString())).isZero();
        assertThat(out.toString().strip())
                .isEqualTo("9e6210d1deb678e5d2b0acd95e040a146540ff87b46996a67b096277466c44b0");
    }

    @Test
    void badUsageExitsTwoWithOneLine() {
        assertThat(run("seed", "--seed", "42")).isEqualTo(2);
        assertThat(err.toString().lines()).singleElement().asString()
                .contains("repro4j seed").contains("--phase");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void unknownOrMissingCommandsExitTwoWithOneLine() {
        assertThat(run("frobnicate")).isEqualTo(2);
        assertThat(run()).isEqualTo(2);
        assertThat(run("digest")).isEqualTo(2);
        assertThat(run("seed", "--seed", "forty-two", "--phase", "x")).isEqualTo(2);
        assertThat(err.toString().lines()).hasSize(4).allSatisfy(line -> assertThat(line).startsWith("repro4j"));
    }

    @Test
    void missingFileExitsTwoNamingIt() {
        Path missing = dir.resolve("nope.json");

        assertThat(run("digest", "metrics", missing.toString())).isEqualTo(2);
        assertThat(err.toString().lines()).singleElement().asString()
                .contains(missing.toString()).contains("no such file");
    }

    @Test
    void malformedOrWrongShapedFileExitsTwoNamingIt() throws IOException {
        Path malformed = Files.writeString(dir.resolve("bad.json"), "{\"a\": 1,\n \"b\": }");
        Path list = Files.writeString(dir.resolve("list.json"), "[1, 2]");

        assertThat(run("digest", "metrics", malformed.toString())).isEqualTo(2);
        assertThat(run("digest", "metrics", list.toString())).isEqualTo(2);

        assertThat(err.toString().lines()).hasSize(2);
        assertThat(err.toString().lines().toList().get(0)).contains(malformed.toString()).contains("line 2");
        assertThat(err.toString().lines().toList().get(1)).contains(list.toString()).contains("found a list");
    }

    @Test
    void helpExitsZero() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("seed").contains("digest");
    }
}
