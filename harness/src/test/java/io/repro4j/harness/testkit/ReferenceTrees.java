package io.repro4j.harness.testkit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.repro4j.harness.results.Json;
import io.repro4j.harness.results.ResultsLayout;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** Copies the reference cohort directory into temporary snapshot trees for tests. */
public final class ReferenceTrees {

    public static final String IN_RUN = "targets/fwd_ret_10m/reproducibility/CROSS_SECTIONAL/"
            + "cohort=cs_2025Q3_248c5d370bcc_min_cs3_max2000_v1_9ee22f0c";
    public static final String COHORT_PATH = "runs/r1/" + IN_RUN;

    private ReferenceTrees() {
    }

    public static Path referenceRun() {
        try {
            return Path.of(ReferenceTrees.class.getResource("/golden/reference-run/snapshot.json").toURI())
                    .getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Copies the reference cohort into {@code root/<COHORT_PATH>} and returns the cohort directory. */
    public static Path copyInto(Path root) throws IOException {
        return copyInto(root, "r1");
    }

    /** Copies the reference cohort into run {@code runName} under {@code root}; returns the cohort directory. */
    public static Path copyInto(Path root, String runName) throws IOException {
        Path cohort = Files.createDirectories(ResultsLayout.of(root).run(runName).resolve(IN_RUN));
        try (Stream<Path> files = Files.list(referenceRun())) {
            for (Path f : files.toList()) {
                Files.copy(f, cohort.resolve(f.getFileName()));
            }
        }
        return cohort;
    }

    /** Rewrites a cohort's snapshot.json. */
    public static void mutate(Path cohort, Consumer<ObjectNode> change) throws IOException {
        Path file = cohort.resolve("snapshot.json");
        ObjectNode json = (ObjectNode) Json.readTree(file, "snapshot");
        change.accept(json);
        Json.write(file, json);
    }
}
