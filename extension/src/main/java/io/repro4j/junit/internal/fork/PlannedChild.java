package io.repro4j.junit.internal.fork;

import io.repro4j.harness.results.ResultsLayout.ChildFiles;
import io.repro4j.junit.internal.protocol.ChildRequest;
import io.repro4j.junit.internal.protocol.RunPerturbations;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * One child JVM as planned: its request, its process environment, command line and files.
 *
 * @param request what the child is told
 * @param files its work directory {@code work/<test-key>/run-<k>/}: request, result, logs, command, temp directory
 * @param workingDirectory the process working directory
 * @param environment the complete process environment
 * @param command the complete command line
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public record PlannedChild(ChildRequest request, ChildFiles files, Path workingDirectory,
        Map<String, String> environment, List<String> command) {

    /** The 1-based run index. */
    public int index() {
        return request.run().index();
    }

    /** What this run changes. */
    public RunPerturbations perturbations() {
        return request.run().perturbations();
    }

    /** True when the run starts in a working directory made for it (deleted afterwards). */
    public boolean freshWorkingDirectory() {
        return request.run().perturbations().freshWorkingDirectory();
    }
}
