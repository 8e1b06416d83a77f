package io.repro4j.junit.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.repro4j.harness.Mode;
import io.repro4j.harness.ReproducibilityConfig.GpuRequestPolicy;
import io.repro4j.harness.View;
import io.repro4j.junit.Perturbation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a {@code request.json} written by {@link Json#write} with jackson-core's streaming parser only. A child reads
 * its request before anything else; doing that through databind (building the mapper and introspecting the records)
 * cost a fresh JVM ~90 ms of its start-up. The mapping mirrors {@link Json}'s: snake_case keys, enums by name,
 * unknown keys ignored, absent keys as Jackson would leave them ({@code null}, {@code 0}, {@code false}).
 */
final class ChildRequestReader {

    private static final JsonFactory FACTORY = new JsonFactory();

    private ChildRequestReader() {
    }

    static ChildRequest read(Path file) {
        Map<String, Object> m;
        try (JsonParser parser = FACTORY.createParser(Files.readAllBytes(file))) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("expected a JSON object");
            }
            m = object(parser);
        } catch (IOException | RuntimeException e) {
            throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(),
                    e instanceof IOException io ? io : new IOException(e));
        }
        return new ChildRequest(text(m, "test_unique_id"), text(m, "test_class"), text(m, "test_method"),
                text(m, "display_name"), (int) number(m, "run_index"), (int) number(m, "total_runs"),
                number(m, "global_seed"), number(m, "train_seed"), text(m, "config"), flag(m, "config_explicit"),
                text(m, "config_dir"), text(m, "target"), constant(View.class, text(m, "view")), text(m, "symbol"),
                text(m, "results_root"), text(m, "run_name"), text(m, "result_file"),
                perturbations(m.get("requested_perturbations")), runPerturbations(map(m, "perturbations")),
                flag(m, "require_ledger"), flag(m, "require_records"), strings(map(m, "configuration_parameters")),
                number(m, "spawned_at_epoch_ms"), strings(map(m, "native_library_digests")),
                childConfig(map(m, "resolved_config")));
    }

    private static RunPerturbations runPerturbations(Map<String, Object> m) {
        if (m == null) {
            return null;
        }
        Object threads = m.get("threads");
        return new RunPerturbations((int) number(m, "identity_hash_shift"),
                threads == null ? null : ((Number) threads).intValue(), text(m, "language"), text(m, "country"),
                text(m, "time_zone"), flag(m, "fresh_working_directory"));
    }

    private static ChildConfig childConfig(Map<String, Object> m) {
        if (m == null) {
            return null;
        }
        return new ChildConfig(constant(Mode.class, text(m, "mode")), number(m, "seed"), text(m, "version"),
                flag(m, "require_env_vars"), flag(m, "disable_gpu_tree_models"), flag(m, "force_single_thread"),
                flag(m, "enforce_stable_ordering"), constant(GpuRequestPolicy.class, text(m, "gpu_request_policy")),
                text(m, "source"));
    }

    private static Set<Perturbation> perturbations(Object value) {
        if (value == null) {
            return null;
        }
        Set<Perturbation> out = EnumSet.noneOf(Perturbation.class);
        for (Object name : (List<?>) value) {
            out.add(constant(Perturbation.class, (String) name));
        }
        return out;
    }

    private static Map<String, String> strings(Map<String, Object> m) {
        if (m == null) {
            return null;
        }
        Map<String, String> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, (String) v));
        return out;
    }

    private static <E extends Enum<E>> E constant(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }

    private static String text(Map<String, Object> m, String key) {
        return (String) m.get(key);
    }

    private static long number(Map<String, Object> m, String key) {
        Object v = m.get(key);
        return v == null ? 0 : ((Number) v).longValue();
    }

    private static boolean flag(Map<String, Object> m, String key) {
        return Boolean.TRUE.equals(m.get(key));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> m, String key) {
        return (Map<String, Object>) m.get(key);
    }

    /** The object whose {@code START_OBJECT} was just read, as a map of plain values. */
    private static Map<String, Object> object(JsonParser p) throws IOException {
        Map<String, Object> out = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            out.put(name, value(p, p.nextToken()));
        }
        return out;
    }

    private static Object value(JsonParser p, JsonToken token) throws IOException {
        switch (token) {
            case START_OBJECT:
                return object(p);
            case START_ARRAY:
                List<Object> list = new ArrayList<>();
                for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                    list.add(value(p, t));
                }
                return list;
            case VALUE_STRING:
                return p.getText();
            case VALUE_NUMBER_INT:
                return p.getLongValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                throw new IOException("unexpected " + token + " at " + p.currentLocation());
        }
    }
}
