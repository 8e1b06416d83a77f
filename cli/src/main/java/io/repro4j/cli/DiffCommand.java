package io.repro4j.cli;

import io.repro4j.harness.Repro4jException;
import io.repro4j.harness.compare.SnapshotTreeDiff;
import io.repro4j.harness.results.Json;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apiguardian.api.API;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code repro4j diff RUN_A RUN_B}: compares two snapshot trees, one line per differing field. Exit 0 when
 * identical, 1 on any difference or unpaired snapshot, 2 on bad input (missing directory, corrupted snapshot).
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"Compares two snapshot trees (results roots, run directories or cohort directories).",
                "Prints one line per differing field: target/view[/symbol]/cohort: field: A → B.",
                "Exit 0 identical, 1 different or unpaired, 2 bad input."})
public final class DiffCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RUN_A", description = "The first snapshot tree.")
    Path runA;

    @Parameters(index = "1", paramLabel = "RUN_B", description = "The second snapshot tree.")
    Path runB;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SnapshotTreeDiff.Result result;
        try {
            result = SnapshotTreeDiff.diff(runA, runB);
        } catch (Repro4jException e) {
            err.println("repro4j diff: " + e.getMessage().replace('\n', ' '));
            err.flush();
            return 2;
        }
        print(result, json, out);
        out.flush();
        return result.identical() ? 0 : 1;
    }

    /** Prints a tree diff as lines (differences, unpaired, drift, a summary) or as one JSON object. */
    static void print(SnapshotTreeDiff.Result result, boolean asJson, PrintWriter out) {
        if (asJson) {
            out.print(Json.render(toJson(result)));
            return;
        }
        result.differences().forEach(out::println);
        result.unpaired().forEach(out::println);
        result.drift().forEach(out::println);
        out.println(result.identical()
                ? "identical: " + result.pairs() + " snapshot pair(s)"
                : "different: " + result.differences().size() + " field(s) differ, " + result.unpaired().size()
                        + " unpaired snapshot(s), " + result.pairs() + " pair(s) compared");
    }

    static Map<String, Object> toJson(SnapshotTreeDiff.Result result) {
        List<Map<String, Object>> differences = new ArrayList<>();
        for (SnapshotTreeDiff.Line line : result.differences()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("key", line.key());
            m.put("field", line.difference().field());
            m.put("a", line.difference().referenceValue());
            m.put("b", line.difference().otherValue());
            m.put("detail", line.difference().detail());
            differences.add(m);
        }
        List<Map<String, Object>> unpaired = new ArrayList<>();
        for (SnapshotTreeDiff.Unpaired u : result.unpaired()) {
            unpaired.add(Map.of("key", u.key(), "only_in", u.tree(), "snapshot", u.snapshot().toString()));
        }
        List<Map<String, Object>> drift = new ArrayList<>();
        for (SnapshotTreeDiff.Drift d : result.drift()) {
            drift.add(Map.of("key", d.key(), "change", d.change()));
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("identical", result.identical());
        root.put("pairs", result.pairs());
        root.put("differences", differences);
        root.put("unpaired", unpaired);
        root.put("environment_drift", drift);
        return root;
    }
}
