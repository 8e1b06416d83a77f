package io.repro4j.junit.internal.baseline;

import io.repro4j.harness.fingerprint.PythonOrder;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import io.repro4j.harness.Library;
import org.apiguardian.api.API;

/**
 * Compares two environment fingerprints property by property, and says which changes can move the fingerprints of a
 * training under repro4j's strict environment (one thread, CPU only): the JDK (vendor and version), the OS and
 * architecture, repro4j's own version, and the version and native-library digests of the libraries the test trained
 * with, and Spark's version, master and settings for a test that trained on Spark. Other changes — the CPU model,
 * the number of cores, the thread variables (pinned in children anyway), the versions and native libraries of
 * libraries the test did not use — cannot, so a moved fingerprint on such a machine is a change in code, data or
 * config, never "drift".
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class EnvironmentDrift {

    private static final java.util.Set<String> CAN_MOVE = java.util.Set.of("jdk_vendor", "jdk_version", "os_name",
            "os_arch", "library_versions.repro4j");

    // The most telling properties first, so a message leads with them.
    private static final List<String> ORDER = List.of("jdk_vendor", "jdk_version", "os_name", "os_arch",
            "cpu_model", "available_processors", "library_versions", "native_libraries", "thread_variables");

    private EnvironmentDrift() {
    }

    /**
     * The properties that differ, in a stable order; empty when the environments are identical.
     *
     * @param libraries the libraries the test trained with
     */
    public static List<EnvironmentChange> between(JsonNode baseline, JsonNode actual, Set<Library> libraries) {
        Map<String, String> before = flatten(baseline);
        Map<String, String> after = flatten(actual);
        Set<String> keys = new LinkedHashSet<>(before.keySet());
        keys.addAll(after.keySet());
        List<String> ordered = new ArrayList<>(keys);
        ordered.sort((a, b) -> {
            int byGroup = Integer.compare(rank(a), rank(b));
            return byGroup != 0 ? byGroup : PythonOrder.compareCodePoints(a, b);
        });
        List<EnvironmentChange> changes = new ArrayList<>();
        for (String key : ordered) {
            String was = before.get(key);
            String now = after.get(key);
            if (was == null ? now != null : !was.equals(now)) {
                changes.add(new EnvironmentChange(key, label(key), was, now, canMoveFingerprints(key, libraries)));
            }
        }
        return changes;
    }

    static boolean canMoveFingerprints(String key, Set<Library> libraries) {
        if (CAN_MOVE.contains(key) || key.startsWith("spark.")) {
            // Spark's version, master and settings shape a distributed training (partitioning, workers).
            return true;
        }
        if (key.startsWith("library_versions.")) {
            String name = key.substring("library_versions.".length());
            return libraries.stream().anyMatch(l -> l.versionKey().equals(name));
        }
        if (key.startsWith("native_libraries.")) {
            String file = key.substring("native_libraries.".length());
            return libraries.stream().anyMatch(l -> l.ownsNativeLibrary(file));
        }
        return false;
    }

    private static int rank(String key) {
        String top = key.contains(".") ? key.substring(0, key.indexOf('.')) : key;
        int index = ORDER.indexOf(top);
        return index < 0 ? ORDER.size() : index;
    }

    private static String label(String key) {
        if (key.startsWith("library_versions.") || key.startsWith("thread_variables.")) {
            return key.substring(key.indexOf('.') + 1);
        }
        if (key.startsWith("native_libraries.")) {
            return "native library " + key.substring(key.indexOf('.') + 1);
        }
        return key;
    }

    private static Map<String, String> flatten(JsonNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        if (node != null && node.isObject()) {
            flatten("", node, out);
        }
        return out;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            String key = prefix + entry.getKey();
            JsonNode value = entry.getValue();
            if (value.isObject()) {
                flatten(key + ".", value, out);
            } else if (!value.isNull()) {
                out.put(key, value.isTextual() ? value.textValue() : value.toString());
            }
        }
    }
}
