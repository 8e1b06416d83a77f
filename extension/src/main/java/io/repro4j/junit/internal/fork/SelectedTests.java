package io.repro4j.junit.internal.fork;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apiguardian.api.API;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * The test methods the test JVM's current test plan selected, by class, so that a shared child runs only the tests
 * of its class that this build runs (for example only the one {@code -Dtest=ModelTest#trains} names). Filled by the
 * report listener when a plan starts; empty when tests run without the Launcher's listeners (the engine test kit),
 * in which case a shared child runs every test of its group.
 */
@API(status = API.Status.INTERNAL, since = "0.2.0")
public final class SelectedTests {

    private static final Map<String, Set<String>> BY_CLASS = new ConcurrentHashMap<>();

    private SelectedTests() {
    }

    /** Records the methods of {@code plan}, replacing an earlier plan's. */
    public static void record(TestPlan plan) {
        BY_CLASS.clear();
        for (TestIdentifier root : plan.getRoots()) {
            for (TestIdentifier id : plan.getDescendants(root)) {
                id.getSource().filter(MethodSource.class::isInstance).map(MethodSource.class::cast).ifPresent(m ->
                        BY_CLASS.computeIfAbsent(m.getClassName(), c -> ConcurrentHashMap.newKeySet())
                                .add(m.getMethodName()));
            }
        }
    }

    /**
     * Whether the current plan runs a method named {@code methodName} of {@code className} (overloads count as one);
     * true when no plan is known for the class.
     */
    public static boolean selected(String className, String methodName) {
        Set<String> methods = BY_CLASS.get(className);
        return methods == null || methods.contains(methodName);
    }
}
