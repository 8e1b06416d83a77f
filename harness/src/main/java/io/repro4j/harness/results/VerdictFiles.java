package io.repro4j.harness.results;

import com.fasterxml.jackson.databind.JsonNode;
import io.repro4j.harness.Repro4jException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apiguardian.api.API;

/**
 * The verdict files under a results root, split into the last build's and older ones: what the report and
 * {@code repro4j summary} count, and what they may only list as stale. The last build is the one of the most recently
 * finished verdict; verdicts without a build id (written by older versions) count as stale once any has one.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class VerdictFiles {

    private VerdictFiles() {
    }

    /**
     * One verdict file.
     *
     * @param file where it is
     * @param json its content, an object
     */
    public record Entry(Path file, JsonNode json) {

        /** The build the verdict belongs to, or the empty string. */
        public String buildId() {
            return json.path("build_id").asText("");
        }

        String finishedAt() {
            return json.path("finished_at").asText("");
        }
    }

    /**
     * A problem with one file.
     *
     * @param file the file
     * @param problem what is wrong, in words
     */
    public record Unreadable(Path file, String problem) {
    }

    /**
     * The verdicts of a results root.
     *
     * @param buildId the last build's id (empty when there are no verdicts)
     * @param current the last build's verdicts, by file name
     * @param stale verdicts of earlier builds, by file name
     * @param unreadable files that are not verdicts
     */
    public record Selection(String buildId, List<Entry> current, List<Entry> stale, List<Unreadable> unreadable) {

        /** True when the root holds no readable verdict. */
        public boolean isEmpty() {
            return current.isEmpty() && stale.isEmpty();
        }
    }

    /** Reads {@code verdicts/*.json} under {@code results}; names starting with a dot are other writers' temp files. */
    public static Selection read(ResultsLayout results) {
        List<Entry> entries = new ArrayList<>();
        List<Unreadable> unreadable = new ArrayList<>();
        for (Path file : files(results.verdicts())) {
            try {
                JsonNode json = Json.readTree(file, "verdict");
                if (json.isObject() && json.hasNonNull("verdict")) {
                    entries.add(new Entry(file, json));
                } else {
                    unreadable.add(new Unreadable(file, "not a verdict (no \"verdict\" field)"));
                }
            } catch (Repro4jException e) {
                unreadable.add(new Unreadable(file, e.getMessage()));
            }
        }
        String last = entries.stream().max(Comparator.comparing(Entry::finishedAt)).map(Entry::buildId).orElse("");
        List<Entry> current = entries.stream().filter(e -> e.buildId().equals(last)).toList();
        List<Entry> stale = entries.stream().filter(e -> !e.buildId().equals(last)).toList();
        return new Selection(last, current, stale, List.copyOf(unreadable));
    }

    private static List<Path> files(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> {
                String name = p.getFileName().toString();
                return name.endsWith(".json") && !name.startsWith(".");
            }).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
