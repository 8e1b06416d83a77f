package io.repro4j.junit.internal.report;

import io.repro4j.harness.results.ResultsLayout;
import io.repro4j.harness.results.ResultsRoot;
import io.repro4j.junit.internal.protocol.ChildRequest;
import io.repro4j.junit.internal.baseline.BaselineMode;
import io.repro4j.junit.internal.baseline.BaselineSettings;
import io.repro4j.junit.internal.baseline.OrphanBaseline;
import io.repro4j.junit.internal.baseline.OrphanBaselines;
import io.repro4j.junit.internal.fork.SelectedTests;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apiguardian.api.API;
import org.junit.platform.engine.ConfigurationParameters;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/**
 * Writes the HTML and JSON report after a test run, and warns about baselines whose test no longer exists.
 * Registered through {@code ServiceLoader}; does nothing in repro4j's child JVMs or when no verdict files exist.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class ReportListener implements TestExecutionListener {

    /** Set in every child JVM the extension starts. */
    static final String CHILD_MARKER = ChildRequest.PROPERTY;

    /** Remembers which test methods the plan runs, for the shared children of {@code Isolation.CLASS}. */
    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        if (System.getProperty(CHILD_MARKER) == null) {
            SelectedTests.record(testPlan);
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        if (System.getProperty(CHILD_MARKER) != null) {
            return;
        }
        ConfigurationParameters parameters = testPlan.getConfigurationParameters();
        ResultsLayout root = ResultsLayout.of(ResultsRoot.resolve(parameters::get, System.getenv()));
        if (!TestReport.hasVerdicts(root)) {
            return;
        }
        try {
            BaselineSettings settings = BaselineSettings.resolve(parameters::get, System.getenv());
            List<OrphanBaseline> orphans = settings.mode() == BaselineMode.OFF ? List.of()
                    : OrphanBaselines.find(settings.directory(), Thread.currentThread().getContextClassLoader());
            Map<Boolean, List<OrphanBaseline>> readable =
                    orphans.stream().collect(Collectors.partitioningBy(o -> o.testId() != null));
            if (!readable.get(true).isEmpty()) {
                System.err.println("[repro4j] WARNING: " + readable.get(true).size() + " baseline file(s) whose test "
                        + "no longer exists; delete them if the tests are gone: " + joined(readable.get(true)));
            }
            if (!readable.get(false).isEmpty()) {
                System.err.println("[repro4j] WARNING: " + readable.get(false).size() + " unreadable baseline "
                        + "file(s): " + joined(readable.get(false)));
            }
            Path index = TestReport.generate(root, orphans);
            System.err.println("[repro4j] report: " + index.toUri());
        } catch (Exception e) {
            // A report problem must not turn a finished test run into a crash; say what happened instead.
            System.err.println("[repro4j] WARNING: could not write the report under " + root.root() + ": " + e);
        }
    }

    private static String joined(List<OrphanBaseline> orphans) {
        return orphans.stream().map(OrphanBaseline::toString).collect(Collectors.joining("; "));
    }
}
