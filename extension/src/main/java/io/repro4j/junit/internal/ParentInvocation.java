package io.repro4j.junit.internal;

import io.repro4j.harness.Repro4jException;
import io.repro4j.harness.results.BuildId;
import io.repro4j.harness.results.Json;
import io.repro4j.harness.results.ResultsLayout;
import io.repro4j.harness.results.ResultsRoot;
import io.repro4j.junit.DeterministicTraining;
import io.repro4j.junit.Isolation;
import io.repro4j.junit.internal.baseline.BaselineCheck;
import io.repro4j.junit.internal.config.ExtensionSettings;
import io.repro4j.junit.internal.config.ResolvedExperiment;
import io.repro4j.junit.internal.config.TrainingSpec;
import io.repro4j.junit.internal.fork.ChildOutcome;
import io.repro4j.junit.internal.fork.ForkExecutor;
import io.repro4j.junit.internal.fork.ForkPlan;
import io.repro4j.junit.internal.fork.SharedChildren;
import io.repro4j.junit.internal.fork.SparkChildren;
import io.repro4j.junit.internal.protocol.ChildRequest;
import io.repro4j.junit.internal.protocol.TestKey;
import io.repro4j.junit.internal.verdict.Verdict;
import io.repro4j.junit.internal.verdict.VerdictJudge;
import io.repro4j.junit.internal.verdict.VerdictPublisher;
import java.lang.reflect.Method;
import java.util.List;
import java.util.TreeSet;
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

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ParentInvocation.class);

    /**
     * Runs the test's children (or takes its runs from its class's shared children) and fails when they disagree.
     *
     * @throws Throwable the verdict's failure, the baseline gate's, a refusal of the annotation or settings, or an
     *     interrupt
     */
    public static Verdict run(ExtensionContext context, DeterministicTraining annotation) throws Throwable {
        Function<String, Optional<String>> parameters = ExtensionSettings.parameters(context);
        String buildId = BuildId.resolve(parameters);
        Method method = context.getRequiredTestMethod();
        ChildRequest.TestInvocation test = new ChildRequest.TestInvocation(context.getUniqueId(),
                context.getRequiredTestClass().getName(), method.getName(), context.getDisplayName());
        String testKey = TestKey.of(context.getRequiredTestClass(), test.methodName(), test.uniqueId());
        TrainingSpec spec;
        ExtensionSettings settings;
        ResolvedExperiment experiment;
        try {
            settings = ExtensionSettings.from(context);
            spec = TrainingSpec.of(annotation, method, settings.isolation());
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
        List<String> parameterTypes = ChildRequest.TestEntry.parameterTypes(method);
        SharedChildren shared = spec.isolation() == Isolation.CLASS
                ? sharedChildren(context, spec, settings, experiment, parameters) : null;
        ForkPlan plan;
        List<ChildOutcome> outcomes;
        if (shared != null && shared.runs(test.className(), test.methodName(), parameterTypes)) {
            plan = shared.plan().forTest(test, testKey, spec);
            outcomes = shared.await(testKey);
        } else {
            plan = ForkPlan.create(test, parameterTypes, testKey, spec, settings, experiment, parameters);
            outcomes = ForkExecutor.execute(plan, settings.parallelChildren(), settings.childLogLimit());
        }
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

    /**
     * The shared children of the test's class and group (same {@code runs}, {@code perturb} and {@code config}),
     * started by the first test of the group that runs and closed when the class ends.
     */
    private static SharedChildren sharedChildren(ExtensionContext context, TrainingSpec spec,
            ExtensionSettings settings, ResolvedExperiment experiment, Function<String, Optional<String>> parameters) {
        ExtensionContext classContext = context;
        while (classContext.getTestMethod().isPresent() && classContext.getParent().isPresent()) {
            classContext = classContext.getParent().get();
        }
        Class<?> testClass = context.getRequiredTestClass();
        String group = spec.runs() + "|" + new TreeSet<>(spec.perturbations()) + "|" + spec.config();
        ExtensionContext owner = classContext;
        return owner.getStore(NAMESPACE).getOrComputeIfAbsent("shared-children:" + group, k -> {
            List<ForkPlan.PlannedTest> tests = SharedGroup.plannedTests(testClass, spec, settings.isolation());
            String key = TestKey.of(testClass, "shared", owner.getUniqueId() + "|" + group);
            ForkPlan plan = ForkPlan.createShared(tests, key, settings, experiment, parameters);
            return SharedChildren.start(plan, settings.parallelChildren(), settings.childLogLimit());
        }, SharedChildren.class);
    }
}
