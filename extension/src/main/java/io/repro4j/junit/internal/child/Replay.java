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
import java.util.stream.Collectors;

/**
 * The end of a replayed run: compares its snapshot with the original run's and writes {@code summary.txt} into the
 * replay directory, so the replay script can say whether the run passed again with the same fingerprints.
 */
final class Replay {

    private Replay() {
    }

    /** Writes the summary and returns the exit code: 0 when the run passed with the original's fingerprints. */
    static int summarize(ChildRequest original, ChildResult result, Path dir) {
        StringBuilder out = new StringBuilder("repro4j replay of " + original.run().describe() + " of "
                + original.test().uniqueId() + ": " + result.status());
        if (result.failure() != null) {
            out.append(" (").append(result.failure().headline()).append(')');
        }
        boolean same = false;
        if (result.cohortDir() != null) {
            try {
                // A replay has no test JVM to write it (its own results root holds nothing previous).
                DiffPrev.write(Path.of(original.output().replayedInto(dir).resultsRoot()), Path.of(result.cohortDir()));
            } catch (Repro4jException e) {
                out.append("\ncannot write diff_prev.json: ").append(e.getMessage());
            }
        }
        String originalSnapshot = originalCohort(original);
        if (result.cohortDir() == null) {
            out.append("\nno snapshot was written");
        } else if (originalSnapshot == null) {
            out.append("\nsnapshot: ").append(result.cohortDir()).append(" (the original run left none to compare with)");
        } else {
            try {
                Comparison c = FingerprintComparison.compare(Snapshot.read(Path.of(originalSnapshot)),
                        Snapshot.read(Path.of(result.cohortDir())));
                same = c.identical();
                out.append(same ? "\nfingerprints: identical to the original run's" : "\nfingerprints differ from the"
                        + " original run's: " + c.differences().stream().map(FieldDifference::field)
                        .collect(Collectors.joining(", ")));
            } catch (Repro4jException e) {
                out.append("\ncannot compare with the original snapshot: ").append(e.getMessage());
            }
            out.append("\nsnapshot: ").append(result.cohortDir()).append("\noriginal: ").append(originalSnapshot);
        }
        out.append("\nlogs: ").append(dir.resolve("stdout.log")).append(", ").append(dir.resolve("stderr.log"))
                .append('\n');
        AtomicFiles.writeString(dir.resolve("summary.txt"), out.toString());
        boolean passed = result.status() == ChildResult.Status.SUCCESSFUL;
        return passed && (same || originalSnapshot == null) ? 0 : 1;
    }

    private static String originalCohort(ChildRequest original) {
        Path file = Path.of(original.output().resultFile());
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return Json.read(file, ChildResult.class, "child result").cohortDir();
        } catch (Repro4jException e) {
            return null;
        }
    }
}
