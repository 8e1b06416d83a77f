package io.repro4j.junit;

import io.repro4j.junit.internal.ParentInvocation;
import io.repro4j.junit.internal.child.ChildInvocation;
import io.repro4j.junit.internal.child.ChildSession;
import io.repro4j.junit.internal.config.TrainingSpec;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The extension behind {@link DeterministicTraining}. In the test JVM it skips the test body and runs it in child
 * JVMs instead; inside a child it runs the body as one of those runs. It also makes the annotation a test
 * declaration of its own: a method annotated with nothing else gets exactly one invocation.
 */
final class DeterministicTrainingExtension
        implements InvocationInterceptor, ParameterResolver, TestTemplateInvocationContextProvider {

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

    /** Dynamic tests would run in this JVM, unchecked: the factory is refused before it produces any. */
    @Override
    public <T> T interceptTestFactoryMethod(Invocation<T> invocation,
            ReflectiveInvocationContext<Method> invocationContext, ExtensionContext extensionContext) throws Throwable {
        if (findAnnotation(extensionContext).isPresent()) {
            invocation.skip();
            throw refuseFactory(extensionContext.getRequiredTestMethod());
        }
        return invocation.proceed();
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

    /** Serves the templates {@code @DeterministicTraining} on the method itself declares. */
    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return context.getTestMethod().map(m -> find(m).isPresent()).orElse(false);
    }

    /** Zero invocations when another annotation already declares the test (its invocations are checked instead). */
    @Override
    public boolean mayReturnZeroTestTemplateInvocationContexts(ExtensionContext context) {
        return true;
    }

    /**
     * One invocation when {@code @DeterministicTraining} alone declares the test; none when {@code @Test} or another
     * template ({@code @ParameterizedTest}, {@code @RepeatedTest}, …) declares it too.
     *
     * @throws ExtensionConfigurationException for {@code @TestFactory}, whose dynamic tests cannot be checked
     */
    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        Method method = context.getRequiredTestMethod();
        if (AnnotationSupport.isAnnotated(method, TestFactory.class)) {
            throw refuseFactory(method);
        }
        if (AnnotationSupport.isAnnotated(method, Test.class) || declaresAnotherTemplate(method)) {
            return Stream.empty();
        }
        String name = context.getDisplayName();
        return Stream.of(new TestTemplateInvocationContext() {
            @Override
            public String getDisplayName(int invocationIndex) {
                return name;
            }
        });
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
        ParentInvocation.run(context, annotation.get());
    }

    /** Lifecycle methods of an annotated test run in the children only: in the test JVM there is no body to serve. */
    private static void skipInParent(Invocation<Void> invocation, ExtensionContext context) throws Throwable {
        if (!ChildSession.isChild() && context.getTestMethod().isPresent() && findAnnotation(context).isPresent()) {
            invocation.skip();
        } else {
            invocation.proceed();
        }
    }

    private static ExtensionConfigurationException refuseFactory(Method method) {
        return new ExtensionConfigurationException("@DeterministicTraining cannot check the @TestFactory "
                + method.getDeclaringClass().getName() + "#" + method.getName() + ": its dynamic tests would train in"
                + " the test JVM, without child JVMs or the strict environment. Write the training as a method of its"
                + " own annotated with @DeterministicTraining alone (or with @ParameterizedTest for several inputs),"
                + " or take @DeterministicTraining off the factory (and off its class).");
    }

    /** True when an annotation other than {@code @DeterministicTraining} makes the method a test template. */
    private static boolean declaresAnotherTemplate(Method method) {
        for (Annotation a : method.getAnnotations()) {
            Class<? extends Annotation> type = a.annotationType();
            if (type != DeterministicTraining.class && !AnnotationSupport.isAnnotated(type, DeterministicTraining.class)
                    && (type == TestTemplate.class || AnnotationSupport.isAnnotated(type, TestTemplate.class))) {
                return true;
            }
        }
        return false;
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
