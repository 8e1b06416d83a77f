package io.repro4j.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.repro4j.harness.fingerprint.MetricsDigest;
import io.repro4j.harness.fingerprint.PythonJson;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apiguardian.api.API;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code repro4j digest}: reference-compatible digests of files. */
@API(status = API.Status.INTERNAL, since = "0.1.0")
@Command(name = "digest", description = "Prints a reference-compatible digest of a file.")
public final class DigestCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "missing what to digest: choose one of "
                + String.join(", ", spec.subcommands().keySet()));
    }

    /** {@code repro4j digest metrics FILE.json}. */
    @Command(name = "metrics", description = "Prints metrics_sha256 of a JSON object of metrics ("
            + "ints and floats kept apart; null when the object is empty).")
    int metrics(@Parameters(paramLabel = "FILE.json", description = "A JSON object, e.g. a run's metrics.json.")
            Path file,
            @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
            boolean helpRequested) {
        Object parsed = readJson(file);
        if (!(parsed instanceof Map<?, ?> map)) {
            throw new Repro4jCli.InputException(file + ": expected a JSON object of metrics, found "
                    + (parsed instanceof List ? "a list" : parsed == null ? "null" : "a single value"));
        }
        @SuppressWarnings("unchecked")
        Map<String, ?> metrics = (Map<String, ?>) map;
        String digest = MetricsDigest.sha256(metrics);
        spec.commandLine().getOut().println(digest == null ? "null" : digest);
        return Repro4jCli.OK;
    }

    private static Object readJson(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new Repro4jCli.InputException(file + ": no such file");
        } catch (AccessDeniedException e) {
            throw new Repro4jCli.InputException(file + ": permission denied");
        } catch (CharacterCodingException e) {
            throw new Repro4jCli.InputException(file + ": not UTF-8 text");
        } catch (IOException e) {
            throw new Repro4jCli.InputException(file + ": cannot read (" + e.getMessage() + ")");
        }
        try {
            return PythonJson.loads(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new Repro4jCli.InputException(file + ": not valid JSON" + where + ": " + e.getOriginalMessage());
        }
    }
}
