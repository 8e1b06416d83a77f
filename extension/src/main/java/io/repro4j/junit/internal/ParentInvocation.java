package io.repro4j.junit.internal;

import io.repro4j.harness.Repro4jException;
import io.repro4j.harness.results.BuildId;
import io.repro4j.harness.results.Json;
import io.repro4j.harness.results.ResultsLayout;
import io.repro4j.harness.results.ResultsRoot;
import io.repro4j.junit.DeterministicTraining;
import io.repro4j.junit.internal.baseline.BaselineCheck;
import io.repro4j.junit.internal.config.ExtensionSettings;
import io.repro4j.junit.internal.config.ResolvedExperiment;
import io.repro4j.junit.internal.config.TrainingSpec;
import io.repro4j.junit.internal.fork.ChildOutcome;
import io.repro4j.junit.internal.fork.ForkExecutor;
import io.repro4j.junit.internal.fork.ForkPlan;
import io.repro4j.junit.internal.fork.SparkChildren;
import io.repro4j.junit.internal.protocol.ChildRequest;
import io.repro4j.junit.internal.verdict.Verdict;
import io.repro4j.junit.internal.verdict.VerdictJudge;
import io.repro4j.junit.internal.verdict.VerdictPublisher;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The test JVM's side of one {@code @DeterministicTraining} test invocation, start to end: validate the annotation,
 * resolve the settings and the experiment, plan and run the children, judge their outcomes, write and publish the
 * verdict, then apply the baseline gate to a reproducible one. A test refused before any fork gets a verdict too, so
 * the report shows it.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class ParentInvocation {

    private ParentInvocation() {
    }

    /**
     * Runs the test's children and fails when they disagree.
     *
     * @throws Throwable the verdict's failure, the baseline gate's, a refusal of the annotation or settings, or an
     *     interrupt
     */
    public static Verdict run(ExtensionContext context, DeterministicTraining annotation) throws Throwable {
        Function<String, Optional<String>> parameters = ExtensionSettings.parameters(context);
        String buildId = BuildId.resolve(parameters);
        ChildRequest.TestInvocation test = new ChildRequest.TestInvocation(context.getUniqueId(),
                context.getRequiredTestClass().getName(), context.getRequiredTestMethod().getName(),
                context.getDisplayName());
        String testKey = TestKey.of(context.getRequiredTestClass(), test.methodName(), test.uniqueId());
        TrainingSpec spec;
        ExtensionSettings settings;
        ResolvedExperiment experiment;
        try {
            spec = TrainingSpec.of(annotation, context.getRequiredTestMethod());
            settings = ExtensionSettings.from(context);
            experiment = ResolvedExperiment.discover(spec.config(), spec.configExplicit(), parameters,
                    System.getenv());
            SparkChildren.refuseUnsupportedJdk(parameters);
        } catch (ExtensionConfigurationException | Repro4jException e) {
            ResultsLayout results = ResultsLayout.of(ResultsRoot.resolve(parameters, System.getenv()));
            Verdict refused = Verdict.refused(test.uniqueId(), test.className(), test.methodName(), test.displayName(),
                    testKey, e.getMessage()).inBuild(buildId);
            Json.write(results.verdictFile(testKey), refused);
            VerdictPublisher.publish(context, refused);
            throw e;
        }
        ForkPlan plan = ForkPlan.create(test, testKey, spec, settings, experiment, parameters);
        List<ChildOutcome> outcomes = ForkExecutor.execute(plan, settings.parallelChildren(),
                settings.childLogLimit());
        VerdictJudge.Judgement judgement = VerdictJudge.judge(plan, outcomes);
        Verdict verdict = judgement.verdict().inBuild(buildId);
        Json.write(plan.results().verdictFile(plan.testKey()), verdict);
        VerdictPublisher.publish(context, verdict);
        if (judgement.failure() != null) {
            throw judgement.failure();
        }
        BaselineCheck.afterReproducibleVerdict(context, verdict, plan.results());
        return verdict;
    }
}
