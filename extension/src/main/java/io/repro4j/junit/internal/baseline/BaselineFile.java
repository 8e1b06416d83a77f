package io.repro4j.junit.internal.baseline;

import io.repro4j.harness.results.Json;
import io.repro4j.harness.results.AtomicFiles;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apiguardian.api.API;

/** Reads and writes baseline files, strictly: a file that is not a complete baseline is an error, never replaced. */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class BaselineFile {

    private BaselineFile() {
    }

    /**
     * Reads a baseline.
     *
     * @throws CorruptBaselineException naming the file and what is wrong (JSON line and column, the missing key)
     */
    public static Baseline read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CorruptBaselineException(file, "cannot read it (" + e + ")", e);
        }
        if (text.isBlank()) {
            throw new CorruptBaselineException(file, "the file is empty", null);
        }
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new CorruptBaselineException(file, "invalid JSON" + where + ": " + e.getOriginalMessage(), e);
        }
        if (!root.isObject()) {
            throw new CorruptBaselineException(file, "expected a JSON object, found " + root.getNodeType(), null);
        }
        JsonNode schema = require(file, root, "schema");
        if (!schema.isInt() || schema.intValue() != Baseline.SCHEMA) {
            throw new CorruptBaselineException(file, "unsupported \"schema\": " + schema
                    + " (this version reads " + Baseline.SCHEMA + ")", null);
        }
        JsonNode testId = require(file, root, "test_id");
        if (!testId.isTextual()) {
            throw new CorruptBaselineException(file, "\"test_id\" must be a string, found " + testId.getNodeType(), null);
        }
        JsonNode fingerprints = require(file, root, "fingerprints");
        if (!fingerprints.isObject() || fingerprints.isEmpty()) {
            throw new CorruptBaselineException(file, "\"fingerprints\" must be a non-empty object", null);
        }
        JsonNode environment = require(file, root, "environment");
        if (!environment.isObject()) {
            throw new CorruptBaselineException(file, "\"environment\" must be an object, found "
                    + environment.getNodeType(), null);
        }
        return new Baseline(testId.textValue(), (ObjectNode) fingerprints, environment);
    }

    /**
     * Writes {@code baseline} atomically unless the file already holds exactly that content.
     *
     * @return whether the file changed
     */
    public static boolean write(Path file, Baseline baseline) throws IOException {
        String text = baseline.render();
        if (Files.isRegularFile(file) && Files.readString(file, StandardCharsets.UTF_8).equals(text)) {
            return false;
        }
        AtomicFiles.writeString(file, text);
        return true;
    }

    private static JsonNode require(Path file, JsonNode root, String key) {
        JsonNode value = root.get(key);
        if (value == null) {
            throw new CorruptBaselineException(file, "missing key \"" + key + "\"", null);
        }
        return value;
    }
}
