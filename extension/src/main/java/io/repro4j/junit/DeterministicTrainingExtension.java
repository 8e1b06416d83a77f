package io.repro4j.junit;

import io.repro4j.junit.internal.ParentInvocation;
import io.repro4j.junit.internal.child.ChildInvocation;
import io.repro4j.junit.internal.child.ChildSession;
import io.repro4j.junit.internal.config.TrainingSpec;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The extension behind {@link DeterministicTraining}. In the test JVM it skips the test body and runs it in child
 * JVMs instead; inside a child it runs the body as one of those runs.
 */
final class DeterministicTrainingExtension implements InvocationInterceptor, ParameterResolver {

    DeterministicTrainingExtension() {
    }

    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> invocationContext,
            ExtensionContext extensionContext) throws Throwable {
        intercept(invocation, extensionContext);
    }

    @Override
    public void interceptTestTemplateMethod(Invocation<Void> invocation,
            ReflectiveInvocationContext<Method> invocationContext, ExtensionContext extensionContext) throws Throwable {
        intercept(invocation, extensionContext);
    }

    @Override
    public void interceptBeforeEachMethod(Invocation<Void> invocation,
            ReflectiveInvocationContext<Method> invocationContext, ExtensionContext extensionContext) throws Throwable {
        skipInParent(invocation, extensionContext);
    }

    @Override
    public void interceptAfterEachMethod(Invocation<Void> invocation,
            ReflectiveInvocationContext<Method> invocationContext, ExtensionContext extensionContext) throws Throwable {
        skipInParent(invocation, extensionContext);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == TrainingRun.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        if (findAnnotation(extensionContext).isEmpty()) {
            throw new ParameterResolutionException("A TrainingRun parameter needs @DeterministicTraining on the test"
                    + " method or its class (" + extensionContext.getDisplayName() + ").");
        }
        if (ChildSession.isChild()) {
            return ChildInvocation.trainingRun(extensionContext);
        }
        // The body is skipped in the test JVM; this stand-in is never used there.
        return ParentTrainingRun.INSTANCE;
    }

    private static void intercept(Invocation<Void> invocation, ExtensionContext context) throws Throwable {
        Optional<DeterministicTraining> annotation = findAnnotation(context);
        if (annotation.isEmpty()) {
            invocation.proceed();
            return;
        }
        if (ChildSession.isChild()) {
            ChildInvocation.intercept(invocation, context);
            return;
        }
        invocation.skip();
        TrainingSpec spec = TrainingSpec.of(annotation.get(), context.getRequiredTestMethod());
        ParentInvocation.run(context, spec);
    }

    /** Lifecycle methods of an annotated test run in the children only: in the test JVM there is no body to serve. */
    private static void skipInParent(Invocation<Void> invocation, ExtensionContext context) throws Throwable {
        if (!ChildSession.isChild() && context.getTestMethod().isPresent() && findAnnotation(context).isPresent()) {
            invocation.skip();
        } else {
            invocation.proceed();
        }
    }

    /** The method's annotation, else the nearest on its class, superclasses or enclosing classes. */
    static Optional<DeterministicTraining> findAnnotation(ExtensionContext context) {
        Optional<Method> method = context.getTestMethod();
        if (method.isPresent()) {
            Optional<DeterministicTraining> onMethod = find(method.get());
            if (onMethod.isPresent()) {
                return onMethod;
            }
        }
        for (Class<?> c = context.getTestClass().orElse(null); c != null; c = c.getEnclosingClass()) {
            Optional<DeterministicTraining> onClass = find(c);
            if (onClass.isPresent()) {
                return onClass;
            }
        }
        return Optional.empty();
    }

    private static Optional<DeterministicTraining> find(AnnotatedElement element) {
        return AnnotationSupport.findAnnotation(element, DeterministicTraining.class);
    }
}
