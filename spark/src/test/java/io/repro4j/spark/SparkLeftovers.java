package io.repro4j.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** What the children of a Spark test may not leave behind: processes, private temp directories, listening ports. */
final class SparkLeftovers {

    private SparkLeftovers() {
    }

    /** Asserts that no child process, no run's temp directory and no port a run's driver listened on is left. */
    static void assertNoneAfter(Path workDirectory, Path resultsRoot, String method, int runs) {
        assertThat(ProcessHandle.current().descendants()).as("processes left by the children").isEmpty();
        for (int k = 1; k <= runs; k++) {
            assertThat(workDirectory.resolve("run-" + k).resolve("tmp")).as("run %s's private temp directory", k)
                    .doesNotExist();
            Path ports = resultsRoot.resolve("spark-ports").resolve(method + ".run-" + k);
            assertThat(ports).as("the ports run %s's Spark driver listened on (written once it had trained)", k)
                    .isRegularFile();
            Set<Integer> listening = listeningPorts();
            for (String port : read(ports).strip().split(" ")) {
                assertThat(listening).as("ports listening now; run %s's driver used %s", k, port)
                        .doesNotContain(Integer.parseInt(port));
            }
        }
    }

    /** Every TCP port in LISTEN state on this machine, from {@code /proc/net/tcp} and {@code /proc/net/tcp6}. */
    static Set<Integer> listeningPorts() {
        Set<Integer> ports = new HashSet<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path file = Path.of(table);
            if (!Files.isReadable(file)) {
                continue;
            }
            try (Stream<String> lines = Files.lines(file)) {
                lines.skip(1).map(String::trim).map(l -> l.split("\\s+")).filter(f -> f.length > 3 && f[3].equals("0A"))
                        .forEach(f -> ports.add(Integer.parseInt(f[1].substring(f[1].lastIndexOf(':') + 1), 16)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return ports;
    }

    static List<String> lines(Path file) {
        return new ArrayList<>(List.of(read(file).split("\n")));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
