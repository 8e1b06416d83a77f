package io.repro4j.junit.internal;

import io.repro4j.harness.results.Json;
import io.repro4j.junit.internal.baseline.BaselineCheck;
import io.repro4j.junit.internal.config.ExtensionSettings;
import io.repro4j.junit.internal.config.ResolvedExperiment;
import io.repro4j.junit.internal.config.TrainingSpec;
import io.repro4j.junit.internal.fork.ChildOutcome;
import io.repro4j.junit.internal.fork.ForkExecutor;
import io.repro4j.junit.internal.fork.ForkPlan;
import io.repro4j.junit.internal.protocol.ChildRequest;
import io.repro4j.junit.internal.verdict.Verdict;
import io.repro4j.junit.internal.verdict.VerdictJudge;
import io.repro4j.junit.internal.verdict.VerdictPublisher;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The test JVM's side of one {@code @DeterministicTraining} test invocation, start to end: resolve the settings and
 * the experiment, plan and run the children, judge their outcomes, write and publish the verdict, then apply the
 * baseline gate to a reproducible one.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class ParentInvocation {

    private ParentInvocation() {
    }

    /**
     * Runs the test's children and fails when they disagree.
     *
     * @throws Throwable the verdict's failure, the baseline gate's, or an interrupt
     */
    public static Verdict run(ExtensionContext context, TrainingSpec spec) throws Throwable {
        Function<String, Optional<String>> parameters = ExtensionSettings.parameters(context);
        ExtensionSettings settings = ExtensionSettings.from(context);
        ResolvedExperiment experiment = ResolvedExperiment.discover(spec.config(), spec.configExplicit(), parameters,
                System.getenv());
        ChildRequest.TestInvocation test = new ChildRequest.TestInvocation(context.getUniqueId(),
                context.getRequiredTestClass().getName(), context.getRequiredTestMethod().getName(),
                context.getDisplayName());
        ForkPlan plan = ForkPlan.create(test, context.getRequiredTestClass(), spec, settings, experiment, parameters);
        List<ChildOutcome> outcomes = ForkExecutor.execute(plan, settings.parallelChildren());
        VerdictJudge.Judgement judgement = VerdictJudge.judge(plan, outcomes);
        Verdict verdict = judgement.verdict();
        Json.write(plan.results().verdictFile(plan.testKey()), verdict);
        VerdictPublisher.publish(context, verdict);
        if (judgement.failure() != null) {
            throw judgement.failure();
        }
        BaselineCheck.afterReproducibleVerdict(context, verdict, plan.results());
        return verdict;
    }
}
