package io.repro4j.junit.internal.baseline;

import io.repro4j.harness.results.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apiguardian.api.API;

/**
 * The committed fingerprints of one {@code @DeterministicTraining} test and the environment they were recorded in.
 *
 * @param testId the JUnit unique id of the test
 * @param fingerprints fingerprint field to value, as in the verdict file
 * @param environment the environment fingerprint of run 1
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public record Baseline(String testId, ObjectNode fingerprints, JsonNode environment) {

    /** The baseline file format version. */
    public static final int SCHEMA = 1;

    /** The file content: {@code {environment, fingerprints, schema, test_id}}, sorted and indented. */
    public String render() {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("test_id", testId);
        root.set("fingerprints", fingerprints);
        root.set("environment", environment == null ? Json.MAPPER.createObjectNode() : environment);
        root.put("schema", SCHEMA);
        return Json.render(root);
    }
}
