package io.repro4j.junit.internal.baseline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.repro4j.harness.Library;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * What a reproducible test produced, as the baseline gate needs it.
 *
 * @param testId JUnit unique id
 * @param testKey file-name-safe key of the test (the verdict file's name without {@code .json})
 * @param fingerprints run 1's fingerprint fields, in comparison order
 * @param environment run 1's environment fingerprint
 * @param libraries the libraries run 1 trained with (their versions and native libraries can move fingerprints)
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public record BaselineSubject(String testId, String testKey, ObjectNode fingerprints, JsonNode environment,
        Set<Library> libraries) {
}
