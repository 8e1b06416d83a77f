package io.repro4j.junit.internal;

import io.repro4j.junit.DeterministicTraining;
import io.repro4j.junit.Isolation;
import io.repro4j.junit.internal.config.TrainingSpec;
import io.repro4j.junit.internal.fork.ForkPlan;
import io.repro4j.junit.internal.fork.SelectedTests;
import io.repro4j.junit.internal.protocol.ChildRequest;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * The tests of a class that share child JVMs with a given test ({@code Isolation.CLASS}): its class's test methods
 * whose {@code @DeterministicTraining} resolves to class isolation with the same {@code runs}, {@code perturb} and
 * {@code config}, that the current test plan selects. A method whose annotation is invalid is left out: it fails on
 * its own, with the message naming the attribute.
 */
final class SharedGroup {

    private SharedGroup() {
    }

    static List<ForkPlan.PlannedTest> plannedTests(Class<?> testClass, TrainingSpec like, Isolation buildIsolation) {
        List<ForkPlan.PlannedTest> tests = new ArrayList<>();
        for (Method method : ReflectionSupport.findMethods(testClass, SharedGroup::declaresTest,
                HierarchyTraversalMode.TOP_DOWN)) {
            Optional<DeterministicTraining> annotation = annotationOf(testClass, method);
            if (annotation.isEmpty() || !SelectedTests.selected(testClass.getName(), method.getName())) {
                continue;
            }
            TrainingSpec spec;
            try {
                spec = TrainingSpec.of(annotation.get(), method, buildIsolation);
            } catch (ExtensionConfigurationException e) {
                continue;
            }
            if (spec.isolation() == Isolation.CLASS && spec.runs() == like.runs()
                    && spec.perturbations().equals(like.perturbations()) && spec.config().equals(like.config())) {
                tests.add(new ForkPlan.PlannedTest(new ChildRequest.TestInvocation(null, testClass.getName(),
                        method.getName(), method.getName()), ChildRequest.TestEntry.parameterTypes(method), spec));
            }
        }
        return tests;
    }

    /** {@code @Test} or a test template ({@code @DeterministicTraining} is one); never {@code @TestFactory}. */
    private static boolean declaresTest(Method method) {
        return !AnnotationSupport.isAnnotated(method, TestFactory.class)
                && (AnnotationSupport.isAnnotated(method, Test.class)
                        || AnnotationSupport.isAnnotated(method, TestTemplate.class));
    }

    /** The method's annotation, else the nearest on the test class or its enclosing classes. */
    private static Optional<DeterministicTraining> annotationOf(Class<?> testClass, Method method) {
        Optional<DeterministicTraining> onMethod = AnnotationSupport.findAnnotation(method, DeterministicTraining.class);
        if (onMethod.isPresent()) {
            return onMethod;
        }
        for (Class<?> c = testClass; c != null; c = c.getEnclosingClass()) {
            Optional<DeterministicTraining> onClass = AnnotationSupport.findAnnotation(c, DeterministicTraining.class);
            if (onClass.isPresent()) {
                return onClass;
            }
        }
        return Optional.empty();
    }
}
