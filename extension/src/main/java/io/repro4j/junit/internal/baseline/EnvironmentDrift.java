package io.repro4j.junit.internal.baseline;

import io.repro4j.harness.fingerprint.PythonOrder;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apiguardian.api.API;

/** Compares two environment fingerprints property by property: JDK, OS/arch, CPU, library versions, native digests. */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class EnvironmentDrift {

    // The most telling properties first, so a message leads with them.
    private static final List<String> ORDER = List.of("jdk_vendor", "jdk_version", "os_name", "os_arch",
            "cpu_model", "available_processors", "library_versions", "native_libraries", "thread_variables");

    private EnvironmentDrift() {
    }

    /** The properties that differ, in a stable order; empty when the environments are identical. */
    public static List<EnvironmentChange> between(JsonNode baseline, JsonNode actual) {
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
                changes.add(new EnvironmentChange(key, label(key), was, now));
            }
        }
        return changes;
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
