package io.repro4j.junit.internal.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
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
import org.apiguardian.api.API;

/**
 * Reads a {@code request.json} (written with {@code Json.write}) with jackson-core's streaming parser only. A child
 * reads its request before anything else; doing that through databind (building the mapper and introspecting the
 * records) cost a fresh JVM ~90 ms of its start-up. The mapping mirrors databind's: snake_case keys, enums by name,
 * unknown keys ignored, absent keys as databind would leave them ({@code null}, {@code 0}, {@code false});
 * {@code ChildRequestReaderTest} checks the two agree.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class ChildRequestReader {

    private static final JsonFactory FACTORY = new JsonFactory();

    private ChildRequestReader() {
    }

    /**
     * Reads the request in {@code file}.
     *
     * @throws UncheckedIOException naming the file when it cannot be read or is not a request
     */
    public static ChildRequest read(Path file) {
        Map<String, Object> m;
        try (JsonParser parser = FACTORY.createParser(Files.readAllBytes(file))) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("expected a JSON object");
            }
            m = object(parser);
            List<ChildRequest.TestEntry> tests = new ArrayList<>();
            Object entries = m.get("tests");
            for (Object entry : entries == null ? List.of() : (List<?>) entries) {
                tests.add(entry(cast(entry)));
            }
            return new ChildRequest(tests, run(map(m, "run")), output(map(m, "output")), launch(map(m, "launch")));
        } catch (IOException | RuntimeException e) {
            throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(),
                    e instanceof IOException io ? io : new IOException(e));
        }
    }

    private static ChildRequest.TestEntry entry(Map<String, Object> m) {
        List<String> types = new ArrayList<>();
        Object value = m.get("parameter_types");
        for (Object type : value == null ? List.of() : (List<?>) value) {
            types.add((String) type);
        }
        return new ChildRequest.TestEntry(test(map(m, "test")), types, training(map(m, "training")));
    }

    private static ChildRequest.TestInvocation test(Map<String, Object> m) {
        return new ChildRequest.TestInvocation(text(m, "unique_id"), text(m, "class_name"), text(m, "method_name"),
                text(m, "display_name"));
    }

    private static ChildRequest.RunSpec run(Map<String, Object> m) {
        return new ChildRequest.RunSpec((int) number(m, "index"), (int) number(m, "total"),
                perturbations(m.get("requested")), runPerturbations(map(m, "perturbations")));
    }

    private static ChildRequest.Training training(Map<String, Object> m) {
        return new ChildRequest.Training(text(m, "experiment"), text(m, "target"), constant(View.class, text(m, "view")),
                text(m, "symbol"), number(m, "train_seed"), flag(m, "require_ledger"), flag(m, "require_records"),
                strings(map(m, "settings")));
    }

    private static ChildRequest.Output output(Map<String, Object> m) {
        return new ChildRequest.Output(text(m, "results_root"), text(m, "process_dir"),
                text(m, "first_run_process_dir"), flag(m, "shared"));
    }

    private static ChildRequest.Launch launch(Map<String, Object> m) {
        return new ChildRequest.Launch(strings(map(m, "configuration_parameters")), number(m, "spawned_at_epoch_ms"),
                strings(map(m, "native_library_digests")), strings(map(m, "shared_native_libraries")));
    }

    private static RunPerturbations runPerturbations(Map<String, Object> m) {
        if (m == null) {
            return null;
        }
        Object threads = m.get("threads");
        return new RunPerturbations((int) number(m, "identity_hash_shift"),
                threads == null ? null : ((Number) threads).intValue(), text(m, "language"), text(m, "country"),
                text(m, "time_zone"), flag(m, "fresh_working_directory"),
                (int) number(m, "test_order_rotation"), partitioning(map(m, "partitioning")));
    }

    private static SparkPartitioning partitioning(Map<String, Object> m) {
        if (m.isEmpty()) {
            return null;
        }
        return new SparkPartitioning((int) number(m, "parallelism"), (int) number(m, "shuffle_partitions"),
                number(m, "max_partition_bytes"), number(m, "open_cost_in_bytes"));
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

    /** The object at {@code key}; an absent section reads as empty, so its fields take their absent values. */
    private static Map<String, Object> map(Map<String, Object> m, String key) {
        Object value = m.get(key);
        return value == null ? Map.of() : cast(value);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object value) {
        return (Map<String, Object>) value;
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
