package io.repro4j.harness.snapshot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.apiguardian.api.API;

/**
 * The one JSON configuration of the snapshot tree: keys sorted, pretty-printed with two-space indentation like
 * Python's {@code json.dumps(indent=2)}, a trailing newline. Doubles are written by Jackson with a round-tripping representation, so they parse back to the
 * same bits.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class SnapshotJson {

    /** Reads and writes snapshot files. */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            // Content after the value means the file is corrupted (e.g. appended to), not that it is fine.
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .build();

    // Laid out like Python's json.dumps(indent=2, sort_keys=True), as the reference's files are.
    private static final ObjectWriter PRETTY = MAPPER.writer(new DefaultPrettyPrinter(Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
            .withObjectEmptySeparator("")
            .withArrayEmptySeparator(""))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n")));

    private SnapshotJson() {
    }

    /** {@code value} as pretty, key-sorted JSON text ending in a newline. */
    public static String pretty(Object value) {
        try {
            return PRETTY.writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write as JSON: " + e.getOriginalMessage(), e);
        }
    }
}
