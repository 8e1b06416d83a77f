package io.repro4j.harness.results;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.repro4j.harness.Repro4jException;
import io.repro4j.harness.fingerprint.PythonOrder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apiguardian.api.API;

/**
 * The one JSON format of every file repro4j writes (snapshots, metrics, request and result files, verdicts,
 * baselines, the report): object keys sorted by Unicode code point at every level (as Python's
 * {@code sort_keys=True} sorts them), two-space indentation with {@code "key": value} like Python's
 * {@code json.dumps(indent=2)}, empty containers as {@code {}} and {@code []}, a trailing newline. Record components
 * are written in snake_case. Doubles are written in a representation that parses back to the same bits; NaN and
 * infinities as the strings {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"}.
 *
 * <p>Reading is strict: content after the JSON value means the file is corrupted (e.g. appended to), and every
 * problem is a {@link Repro4jException} naming the file and, for invalid JSON, the line and column.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class Json {

    /** Reads and builds trees; record components map to snake_case keys, unknown keys are ignored on reading. */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private static final ObjectWriter PRETTY = MAPPER.writer(new DefaultPrettyPrinter(Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
            .withObjectEmptySeparator("")
            .withArrayEmptySeparator(""))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n")));

    private Json() {
    }

    /** {@code value} (a tree, map, list, record or scalar) as sorted, indented JSON text ending in a newline. */
    public static String render(Object value) {
        JsonNode tree = value instanceof JsonNode node ? node : MAPPER.valueToTree(value);
        try {
            return PRETTY.writeValueAsString(sorted(tree)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Writes {@code value} to {@code file} atomically in this format (see {@link AtomicFiles}). */
    public static void write(Path file, Object value) {
        AtomicFiles.writeString(file, render(value));
    }

    /**
     * Parses {@code file}.
     *
     * @param what what the file is, for messages (e.g. {@code "snapshot"})
     * @throws Repro4jException naming the file and what is wrong with it: missing, unreadable, empty, invalid JSON at
     *     a line and column, or trailing content
     */
    public static JsonNode readTree(Path file, String what) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new Repro4jException("No " + what + " at " + file + ": the file does not exist.", e);
        } catch (IOException e) {
            throw new Repro4jException("Cannot read " + what + " " + file + ": " + e, e);
        }
        try {
            JsonNode node = MAPPER.readTree(bytes);
            if (node == null || node.isMissingNode()) {
                throw new Repro4jException("Corrupted " + what + " " + file + ": the file is empty.");
            }
            return node;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new Repro4jException("Corrupted " + what + " " + file + ": invalid JSON" + where + " ("
                    + e.getOriginalMessage() + ").", e);
        } catch (IOException e) {
            throw new Repro4jException("Cannot read " + what + " " + file + ": " + e, e);
        }
    }

    /**
     * Reads {@code file} as {@code type} (records by their snake_case keys).
     *
     * @throws Repro4jException as {@link #readTree(Path, String)}, or when the content does not fit {@code type}
     */
    public static <T> T read(Path file, Class<T> type, String what) {
        JsonNode tree = readTree(file, what);
        try {
            return MAPPER.treeToValue(tree, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new Repro4jException("Corrupted " + what + " " + file + ": " + (e instanceof JsonProcessingException j
                    ? j.getOriginalMessage() : e.getMessage()) + ".", e);
        }
    }

    /** A copy of {@code node} whose object keys are in code-point order at every level. */
    public static JsonNode sorted(JsonNode node) {
        if (node == null) {
            return MAPPER.nullNode();
        }
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            names.sort(PythonOrder::compareCodePoints);
            ObjectNode copy = MAPPER.createObjectNode();
            for (String name : names) {
                copy.set(name, sorted(node.get(name)));
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = MAPPER.createArrayNode();
            for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
                copy.add(sorted(it.next()));
            }
            return copy;
        }
        return node;
    }
}
