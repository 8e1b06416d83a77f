package io.repro4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.repro4j.harness.Repro4jException;
import io.repro4j.harness.results.Json;
import io.repro4j.harness.results.ResultsLayout;
import io.repro4j.harness.results.VerdictFiles;
import io.repro4j.harness.snapshot.Snapshot;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apiguardian.api.API;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code repro4j summary [RESULTS_ROOT]}: one line per determinism test from the verdict files under
 * {@code RESULTS_ROOT/verdicts/}, with the runs, the verdict, short fingerprints (from the verdict, else from run 1's
 * {@code snapshot.json}) and, on the line below, where run 1's snapshot is.
 *
 * <p>Only the last build's verdicts count ({@code VerdictFiles}); verdicts earlier builds left under the same root
 * are mentioned, never counted. Exit 0 when every test of the last build is {@code REPRODUCIBLE}, 1 when any is not,
 * 2 when there is no verdict to read or a verdict file is unreadable.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
@Command(name = "summary", mixinStandardHelpOptions = true,
        description = "Prints one line per @DeterministicTraining test from RESULTS_ROOT/verdicts/*.json.%n"
                + "Exit 0 if all are REPRODUCIBLE, 1 otherwise, 2 if there are no verdicts.")
public final class SummaryCommand implements Callable<Integer> {

    /** Where the example suite writes, relative to the repository root. */
    static final String DEFAULT_RESULTS_ROOT = "example-tests/target/repro4j";

    /** Short fingerprint columns: header and the fingerprint fields to show, first one present wins. */
    private static final List<Column> FINGERPRINT_COLUMNS = List.of(
            new Column("DATASET", "comparison_group.data_sha256", "comparison_group.dataset_signature"),
            new Column("HYPERPARAMS", "comparison_group.hyperparameters_signature"),
            new Column("PREDICTIONS", "predictions_f64_sha256", "predictions_sha256"),
            new Column("MODEL", "model_sha256"));
    private static final int SHORT_HEX = 12;

    @Parameters(index = "0", arity = "0..1", paramLabel = "RESULTS_ROOT",
            description = "Results root holding verdicts/ (default: " + DEFAULT_RESULTS_ROOT
                    + " under the repository root).")
    private Path resultsRoot;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path root = (resultsRoot != null ? resultsRoot : defaultResultsRoot(Path.of(""))).toAbsolutePath().normalize();
        ResultsLayout results = ResultsLayout.of(root);
        VerdictFiles.Selection verdicts = VerdictFiles.read(results);
        if (!verdicts.unreadable().isEmpty()) {
            VerdictFiles.Unreadable first = verdicts.unreadable().get(0);
            err.println("repro4j summary: unreadable verdict file " + first.file() + ": "
                    + first.problem().replaceAll("\\s*\\R\\s*", " "));
            return 2;
        }
        if (verdicts.isEmpty()) {
            err.println("repro4j summary: no verdict files in " + results.verdicts()
                    + " (run the @DeterministicTraining tests first, e.g. bin/repro4j-examples)");
            return 2;
        }
        List<Row> rows = new ArrayList<>();
        for (VerdictFiles.Entry entry : verdicts.current()) {
            rows.add(Row.of(entry.json(), root));
        }
        rows.sort(Comparator.comparing(Row::test));
        print(out, rows);

        long reproducible = rows.stream().filter(r -> r.verdict().equals("REPRODUCIBLE")).count();
        out.printf(Locale.ROOT, "%n%d of %d tests REPRODUCIBLE; snapshots under %s%n", reproducible, rows.size(),
                results.runs());
        if (!verdicts.stale().isEmpty()) {
            out.printf(Locale.ROOT, "%d stale verdict(s) of earlier builds under %s not counted (e.g. %s)%n",
                    verdicts.stale().size(), results.verdicts(), verdicts.stale().get(0).file().getFileName());
        }
        for (Row row : rows) {
            if (!row.verdict().equals("REPRODUCIBLE")) {
                out.println(row.test() + ": " + row.verdict() + " - " + firstLine(row.message()));
            }
        }
        out.flush();
        return reproducible == rows.size() ? 0 : 1;
    }

    /**
     * The default results root: {@value #DEFAULT_RESULTS_ROOT} under the nearest directory holding an
     * {@code example-tests} module, walking up from {@code start}, else from where this class was loaded (so that
     * {@code bin/repro4j summary} finds the checkout's suite from any directory); else relative to {@code start}.
     */
    static Path defaultResultsRoot(Path start) {
        Path found = repositoryRoot(start.toAbsolutePath().normalize());
        if (found == null) {
            found = codeLocation().map(SummaryCommand::repositoryRoot).orElse(null);
        }
        return (found != null ? found : start.toAbsolutePath()).resolve(DEFAULT_RESULTS_ROOT);
    }

    private static Path repositoryRoot(Path from) {
        for (Path dir = from; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("example-tests/pom.xml"))) {
                return dir;
            }
        }
        return null;
    }

    private static Optional<Path> codeLocation() {
        try {
            CodeSource source = SummaryCommand.class.getProtectionDomain().getCodeSource();
            return source == null ? Optional.empty()
                    : Optional.of(Path.of(source.getLocation().toURI()).toAbsolutePath().normalize());
        } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static void print(PrintWriter out, List<Row> rows) {
        List<String[]> table = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("TEST", "RUNS", "VERDICT"));
        FINGERPRINT_COLUMNS.forEach(c -> header.add(c.header()));
        table.add(header.toArray(String[]::new));
        for (Row row : rows) {
            List<String> cells = new ArrayList<>(List.of(row.test(), row.runs(), row.verdict()));
            cells.addAll(row.fingerprints());
            table.add(cells.toArray(String[]::new));
        }
        int[] widths = new int[header.size()];
        for (String[] cells : table) {
            for (int i = 0; i < cells.length; i++) {
                widths[i] = Math.max(widths[i], cells[i].length());
            }
        }
        for (int r = 0; r < table.size(); r++) {
            String[] cells = table.get(r);
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < cells.length; i++) {
                line.append(cells[i]);
                if (i < cells.length - 1) {
                    line.append(" ".repeat(widths[i] - cells[i].length() + 2));
                }
            }
            out.println(line);
            if (r > 0) {
                out.println("  snapshots: " + rows.get(r - 1).snapshotTree());
            }
        }
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    private record Column(String header, String... fields) {
    }

    private record Row(String test, String runs, String verdict, List<String> fingerprints, String snapshotTree,
            String message) {

        static Row of(JsonNode verdict, Path root) {
            String testClass = verdict.path("test_class").asText("");
            String method = verdict.path("test_method").asText("");
            String test = !testClass.isEmpty() && !method.isEmpty()
                    ? testClass.substring(testClass.lastIndexOf('.') + 1) + "#" + method
                    : verdict.path("test_key").asText(verdict.path("test_id").asText("?"));
            String status = verdict.path("verdict").asText("");
            JsonNode fingerprints = verdict.path("fingerprints");
            JsonNode runs = verdict.path("runs");
            String snapshotTree = snapshotTree(runs, root);
            JsonNode snapshot = null;
            List<String> shortFingerprints = new ArrayList<>();
            for (Column column : FINGERPRINT_COLUMNS) {
                String value = field(fingerprints, column.fields());
                if (value.equals("-") && !snapshotTree.equals("-")) {
                    // The verdict carries only what it compared; run 1's snapshot has every field.
                    snapshot = snapshot != null ? snapshot : readSnapshot(Path.of(snapshotTree));
                    value = field(snapshot, column.fields());
                }
                shortFingerprints.add(shortHex(value));
            }
            return new Row(test, String.valueOf(runs.size()), status, shortFingerprints, snapshotTree,
                    verdict.path("message").asText(""));
        }

        /** Run 1's {@code snapshot.json} as it is (only fingerprint fields are read); missing when unreadable. */
        private static JsonNode readSnapshot(Path cohortDir) {
            try {
                return Json.readTree(cohortDir.resolve(Snapshot.FILE_NAME), "snapshot");
            } catch (Repro4jException e) {
                return MissingNode.getInstance();
            }
        }

        /** A fingerprint field, stored flat ({@code "a.b": v}) or nested ({@code "a": {"b": v}}). */
        private static String field(JsonNode fingerprints, String... names) {
            for (String name : names) {
                JsonNode flat = fingerprints.isObject() ? fingerprints.get(name) : null;
                if (flat != null && !flat.isNull()) {
                    return flat.asText();
                }
                JsonNode nested = fingerprints;
                for (String part : name.split("\\.")) {
                    nested = nested.path(part);
                }
                if (nested.isValueNode() && !nested.isNull()) {
                    return nested.asText();
                }
            }
            return "-";
        }

        private static String shortHex(String value) {
            return value.length() > SHORT_HEX ? value.substring(0, SHORT_HEX) : value;
        }

        /** The first run's snapshot directory, absolute (relative ones are taken against the results root). */
        private static String snapshotTree(JsonNode runs, Path root) {
            for (JsonNode run : runs) {
                String dir = run.path("snapshot_dir").asText("");
                if (!dir.isEmpty()) {
                    Path path = Path.of(dir);
                    return (path.isAbsolute() ? path : root.resolve(path)).normalize().toString();
                }
            }
            return "-";
        }
    }
}
