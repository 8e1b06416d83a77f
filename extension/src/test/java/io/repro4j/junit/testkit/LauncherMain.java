package io.repro4j.junit.testkit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * A test JVM of its own, as Surefire starts one: runs {@code Class} or {@code Class#method(ParameterTypes)} through the JUnit
 * Launcher with the given {@code key=value} configuration parameters and prints one {@code finished <status>} line per
 * test. For tests about several test JVMs, or about what happens when one dies.
 *
 * <pre>{@code
 * ChildJvm.main(LauncherMain.class, "com.acme.SomeTestCase#trains", "repro4j.resultsDir=/tmp/r").in(dir)
 *         .environment(System.getenv()).jvmFlags(List.of()).start();
 * }</pre>
 */
public final class LauncherMain {

    private LauncherMain() {
    }

    public static void main(String[] args) throws ClassNotFoundException {
        // A test JVM reports nothing to a terminal: what a test prints goes to this JVM's stdout.
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request()
                .selectors(args[0].contains("#") ? selectMethod(args[0]) : selectClass(Class.forName(args[0])));
        for (int i = 1; i < args.length; i++) {
            String[] kv = args[i].split("=", 2);
            request.configurationParameter(kv[0], kv[1]);
        }
        AtomicInteger failed = new AtomicInteger();
        LauncherFactory.create().execute(request.build(), new TestExecutionListener() {
            @Override
            public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                if (id.isTest()) {
                    System.out.println("finished " + result.getStatus() + " " + id.getUniqueId());
                    if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                        failed.incrementAndGet();
                    }
                }
            }
        });
        System.exit(failed.get() == 0 ? 0 : 1);
    }
}
