package io.repro4j.harness.estimator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trains in separate child JVMs: the same seed must give the same bits, a clock-derived seed must not. */
class CrossJvmDeterminismIT {
    @TempDir
    Path work;

    private List<String> runChild(String name, String... args) throws IOException, InterruptedException {
        Path dir = Files.createDirectories(work.resolve(name));
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED",
                "-Djava.io.tmpdir=" + tmp, "-cp", classpath, DeterminismProbe.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.environment().put("OMP_NUM_THREADS", "1");
        File stdout = dir.resolve("stdout.txt").toFile();
        File stderr = dir.resolve("stderr.txt").toFile();
        pb.redirectOutput(stdout).redirectError(stderr);
        Process process = pb.start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("child " + name + " did not finish; stderr: " + Files.readString(stderr.toPath()));
        }
        String err = Files.readString(stderr.toPath(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as("exit code of child %s; stderr:%n%s", name, err).isZero();
        List<String> lines = Files.readAllLines(stdout.toPath(), StandardCharsets.UTF_8).stream()
                .filter(l -> l.startsWith(DeterminismProbe.PREFIX))
                .collect(Collectors.toList());
        assertThat(lines).as("result lines of child %s", name).hasSize(2);
        return lines;
    }

    @Test
    void sameSeedInTwoJvmsGivesIdenticalModelsAndPredictionsWhileAClockSeedDiffers() throws Exception {
        List<String> first = runChild("first");
        List<String> second = runChild("second");
        List<String> clock = runChild("clock", "nanotime");

        assertThat(second).containsExactlyElementsOf(first);
        assertThat(first).extracting(l -> l.split(" ")[1]).containsExactly("xgboost", "lightgbm");
        for (int i = 0; i < first.size(); i++) {
            String[] same = first.get(i).split(" ");
            String[] other = clock.get(i).split(" ");
            assertThat(other[2]).as("model hash of %s with a clock seed", same[1]).isNotEqualTo(same[2]);
            assertThat(other[3]).as("predictions hash of %s with a clock seed", same[1]).isNotEqualTo(same[3]);
        }
    }
}
