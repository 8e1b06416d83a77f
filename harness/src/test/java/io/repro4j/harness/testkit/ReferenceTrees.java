package io.repro4j.harness.testkit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.repro4j.harness.results.Json;
import io.repro4j.harness.results.ResultsLayout;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.List;

/** Copies the reference cohort directory into temporary snapshot trees for tests. */
public final class ReferenceTrees {

    public static final String IN_RUN = "targets/fwd_ret_10m/reproducibility/CROSS_SECTIONAL/"
            + "cohort=cs_2025Q3_248c5d370bcc_min_cs3_max2000_v1_9ee22f0c";
    public static final String COHORT_PATH = "runs/r1/" + IN_RUN;

    private ReferenceTrees() {
    }

    /** The files of the reference pipeline's cohort directory, as test resources ({@code /golden/reference-run/}). */
    private static final List<String> FILES = List.of("README.md", "diff_prev.json", "metadata.json", "metrics.json",
            "snapshot.json");

    /** The reference cohort copied into a fresh directory under {@code dir} (the resources may sit in a jar). */
    public static Path referenceRun(Path dir) throws IOException {
        Path cohort = Files.createDirectories(dir.resolve("reference-run"));
        copyFiles(cohort);
        return cohort;
    }

    /** Copies the reference cohort into {@code root/<COHORT_PATH>} and returns the cohort directory. */
    public static Path copyInto(Path root) throws IOException {
        return copyInto(root, "r1");
    }

    /** Copies the reference cohort into run {@code runName} under {@code root}; returns the cohort directory. */
    public static Path copyInto(Path root, String runName) throws IOException {
        Path cohort = Files.createDirectories(ResultsLayout.of(root).run(runName).resolve(IN_RUN));
        copyFiles(cohort);
        return cohort;
    }

    private static void copyFiles(Path cohort) throws IOException {
        for (String name : FILES) {
            try (InputStream in = ReferenceTrees.class.getResourceAsStream("/golden/reference-run/" + name)) {
                if (in == null) {
                    throw new IllegalStateException("test resource /golden/reference-run/" + name + " is missing");
                }
                Files.copy(in, cohort.resolve(name));
            }
        }
    }

    /** Rewrites a cohort's snapshot.json. */
    public static void mutate(Path cohort, Consumer<ObjectNode> change) throws IOException {
        Path file = cohort.resolve("snapshot.json");
        ObjectNode json = (ObjectNode) Json.readTree(file, "snapshot");
        change.accept(json);
        Json.write(file, json);
    }
}
