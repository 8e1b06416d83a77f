package io.repro4j.junit.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * One child JVM as planned: its request, its process environment, command line and files.
 *
 * @param request what the child is told
 * @param workDir {@code <results root>/work/<test-key>/run-<k>}: request, result, logs, command
 * @param tmpDir the child's private {@code java.io.tmpdir}, deleted afterwards
 * @param workingDirectory the process working directory
 * @param freshWorkingDirectory true when {@code workingDirectory} was made for this run (deleted afterwards)
 * @param environment the complete process environment
 * @param command the complete command line
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public record PlannedRun(ChildRequest request, Path workDir, Path tmpDir, Path workingDirectory,
        boolean freshWorkingDirectory, Map<String, String> environment, List<String> command) {

    public int index() {
        return request.runIndex();
    }

    public Path requestFile() {
        return workDir.resolve("request.json");
    }

    public Path resultFile() {
        return Path.of(request.resultFile());
    }

    public Path stdout() {
        return workDir.resolve("stdout.log");
    }

    public Path stderr() {
        return workDir.resolve("stderr.log");
    }

    public Path commandFile() {
        return workDir.resolve("command.txt");
    }
}
