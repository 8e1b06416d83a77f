package io.repro4j.junit.internal;

import io.repro4j.harness.config.ConfigLoader;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtensionContext;

/** The test JVM's side of a {@code @DeterministicTraining} test: plan, fork, judge, report. */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class ParentRun {

    private ParentRun() {
    }

    /**
     * Runs the test's children and fails when they disagree.
     *
     * @throws Throwable the verdict's failure, or an interrupt
     */
    public static Verdict run(ExtensionContext context, TrainingSpec spec) throws Throwable {
        Function<String, Optional<String>> parameters =
                key -> context.getConfigurationParameter(key).or(() -> Optional.ofNullable(System.getProperty(key)));
        ExtensionSettings settings = ExtensionSettings.from(context);

        Map<String, String> sysProps = new HashMap<>(ResolvedExperiment.systemProperties());
        for (String key : RunPlan.FORWARDED_PROPERTIES) {
            context.getConfigurationParameter(key).ifPresent(v -> sysProps.put(key, v));
        }
        context.getConfigurationParameter(ConfigLoader.CONFIG_DIR_PROPERTY)
                .ifPresent(v -> sysProps.put(ConfigLoader.CONFIG_DIR_PROPERTY, v));
        ResolvedExperiment experiment = ResolvedExperiment.discover(spec.config(), spec.configExplicit(),
                System.getenv(), sysProps);

        RunPlan plan = RunPlan.create(context.getUniqueId(), context.getRequiredTestClass(),
                context.getRequiredTestMethod().getName(), context.getDisplayName(), spec, settings, experiment,
                parameters);
        List<ChildOutcome> outcomes = ForkedRuns.execute(plan, settings.parallelChildren());
        VerdictJudge.Judgement judgement = VerdictJudge.judge(plan, outcomes);
        Verdict verdict = judgement.verdict();
        Json.write(verdictFile(plan), verdict);
        ReportEntries.publish(context, verdict);
        if (judgement.failure() != null) {
            throw judgement.failure();
        }
        BaselineHook.installed().afterReproducibleVerdict(context, verdict);
        return verdict;
    }

    /** {@code <results root>/verdicts/<test-key>.json}. */
    public static Path verdictFile(RunPlan plan) {
        return plan.resultsRoot().resolve("verdicts").resolve(plan.testKey() + ".json");
    }
}
