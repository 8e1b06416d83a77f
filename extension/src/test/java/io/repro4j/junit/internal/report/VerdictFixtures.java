package io.repro4j.junit.internal.report;

import io.repro4j.harness.results.AtomicFiles;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.repro4j.harness.results.Json;
import java.io.IOException;
import java.nio.file.Path;

/** Writes verdict files in the extension's format ({@code <results root>/verdicts/<test-key>.json}). */
public final class VerdictFixtures {

    private VerdictFixtures() {
    }

    /** Writes the verdict of a two-run test; {@code DIFFERS} verdicts carry one difference in {@code model_sha256}. */
    public static void write(Path root, String key, String verdict, String displayName) throws IOException {
        write(root, key, verdict, displayName, "maven-1-1", "2026-01-01T00:00:00Z");
    }

    /** The same, of build {@code build}, finished at {@code finishedAt}. */
    public static void write(Path root, String key, String verdict, String displayName, String build,
            String finishedAt) throws IOException {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("build_id", build);
        node.put("test_id", "[engine:junit-jupiter]/[class:com.acme.ModelTest]/[method:" + key + "()]");
        node.put("test_class", "com.acme.ModelTest");
        node.put("test_method", key);
        node.put("display_name", displayName);
        node.put("test_key", key);
        node.put("verdict", verdict);
        node.put("message", verdict.equals("DIFFERS") ? "model_sha256 differs" : null);
        for (int i = 1; i <= 2; i++) {
            node.withArray("runs").addObject().put("index", i).put("status", "PASSED").put("exit_code", 0)
                    .put("seed", 42).put("elapsed_ms", 100);
        }
        node.putObject("fingerprints").put("model_sha256", "aa").put("train_seed", 42);
        if (verdict.equals("DIFFERS")) {
            node.putArray("differences").addObject().put("run", 2).put("field", "model_sha256")
                    .put("reference", "aa").put("actual", "bb").put("detail", "");
        } else {
            node.putArray("differences");
        }
        node.putObject("environment").put("jdk_version", "17");
        node.put("finished_at", finishedAt);
        AtomicFiles.writeString(root.resolve("verdicts").resolve(key + ".json"), Json.render(node));
    }
}
