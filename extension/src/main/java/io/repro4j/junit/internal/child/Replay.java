package io.repro4j.junit.internal.child;

import io.repro4j.harness.Repro4jException;
import io.repro4j.harness.compare.Comparison;
import io.repro4j.harness.compare.FieldDifference;
import io.repro4j.harness.compare.FingerprintComparison;
import io.repro4j.harness.results.AtomicFiles;
import io.repro4j.harness.results.Json;
import io.repro4j.harness.snapshot.DiffPrev;
import io.repro4j.harness.snapshot.Snapshot;
import io.repro4j.junit.internal.protocol.ChildRequest;
import io.repro4j.junit.internal.protocol.ChildResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The end of a replayed run: compares its snapshot with the original run's and writes {@code summary.txt} into the
 * replay directory, so the replay script can say whether the run passed again with the same fingerprints.
 */
final class Replay {

    private Replay() {
    }

    /**
     * Writes the summary and returns the exit code: 0 when every test of the run passed again with the original's
     * fingerprints.
     */
    static int summarize(ChildRequest original, Path dir) {
        ChildRequest.Output replayed = original.output().replayedInto(dir);
        StringBuilder out = new StringBuilder("repro4j replay of " + original.describe());
        boolean passed = true;
        List<String> keys = testKeys(original, dir);
        if (keys.isEmpty()) {
            out.append("\nno test finished");
            passed = false;
        }
        for (String key : keys) {
            ChildResult result = ChildResult.readIfPresent(replayed.testFiles(key).result());
            ChildResult before = ChildResult.readIfPresent(original.output().testFiles(key).result());
            passed &= summarize(out, replayed, original.output().shared() ? key : null, result,
                    before == null ? null : before.cohortDir());
        }
        out.append("\nlogs: ").append(dir.resolve("stdout.log")).append(", ").append(dir.resolve("stderr.log"))
                .append('\n');
        AtomicFiles.writeString(dir.resolve("summary.txt"), out.toString());
        return passed ? 0 : 1;
    }

    /** Appends one test's lines; true when it passed with the original's fingerprints (or had none to match). */
    private static boolean summarize(StringBuilder out, ChildRequest.Output replayed, String key, ChildResult result,
            String originalSnapshot) {
        String indent = key == null ? "" : "  ";
        if (key != null) {
            out.append("\n").append(key).append(':');
        }
        if (result == null) {
            out.append("\n").append(indent).append("did not finish");
            return false;
        }
        out.append(key == null ? ": " : "\n" + indent).append(result.status());
        if (result.failure() != null) {
            out.append(" (").append(result.failure().headline()).append(')');
        }
        boolean same = false;
        if (result.cohortDir() != null) {
            try {
                // A replay has no test JVM to write it (its own results root holds nothing previous).
                DiffPrev.write(Path.of(replayed.resultsRoot()), Path.of(result.cohortDir()));
            } catch (Repro4jException e) {
                out.append("\n").append(indent).append("cannot write diff_prev.json: ").append(e.getMessage());
            }
        }
        if (result.cohortDir() == null) {
            out.append("\n").append(indent).append("no snapshot was written");
        } else if (originalSnapshot == null) {
            out.append("\n").append(indent).append("snapshot: ").append(result.cohortDir())
                    .append(" (the original run left none to compare with)");
        } else {
            try {
                Comparison c = FingerprintComparison.compare(Snapshot.read(Path.of(originalSnapshot)),
                        Snapshot.read(Path.of(result.cohortDir())));
                same = c.identical();
                out.append("\n").append(indent).append(same ? "fingerprints: identical to the original run's"
                        : "fingerprints differ from the original run's: " + c.differences().stream()
                                .map(FieldDifference::field).collect(Collectors.joining(", ")));
            } catch (Repro4jException e) {
                out.append("\n").append(indent).append("cannot compare with the original snapshot: ")
                        .append(e.getMessage());
            }
            out.append("\n").append(indent).append("snapshot: ").append(result.cohortDir())
                    .append("\n").append(indent).append("original: ").append(originalSnapshot);
        }
        return result.status() == ChildResult.Status.SUCCESSFUL && (same || originalSnapshot == null);
    }

    /** The keys of the tests to summarise: the one test, or every test either the original or the replay ran. */
    private static List<String> testKeys(ChildRequest original, Path dir) {
        if (!original.output().shared()) {
            return List.of("");
        }
        java.util.TreeSet<String> keys = new java.util.TreeSet<>();
        for (Path root : List.of(original.output().process().dir(), dir)) {
            Path tests = root.resolve(ChildRequest.Output.TESTS);
            if (Files.isDirectory(tests)) {
                try (java.util.stream.Stream<Path> list = Files.list(tests)) {
                    list.filter(Files::isDirectory).forEach(p -> keys.add(p.getFileName().toString()));
                } catch (java.io.IOException e) {
                    // a folder that cannot be listed contributes no test; the summary says what it found
                }
            }
        }
        return List.copyOf(keys);
    }

}
