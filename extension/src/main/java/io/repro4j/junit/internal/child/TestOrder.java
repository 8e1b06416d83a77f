package io.repro4j.junit.internal.child;

import io.repro4j.junit.internal.protocol.RunPerturbations;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apiguardian.api.API;
import org.junit.jupiter.api.MethodDescriptor;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.MethodOrdererContext;

/**
 * The method order of a shared child JVM ({@code junit.jupiter.testmethod.order.default}): by name and parameter
 * types in run 1, and in the order {@code TEST_ORDER} gives a later run (reversed, rotated). Without that
 * perturbation every run uses the name order, so the runs of one test see the same tests before it.
 */
@API(status = API.Status.INTERNAL, since = "0.2.0")
public final class TestOrder implements MethodOrderer {

    /** Instantiated by JUnit. */
    public TestOrder() {
    }

    @Override
    public void orderMethods(MethodOrdererContext context) {
        List<? extends MethodDescriptor> descriptors = context.getMethodDescriptors();
        Comparator<MethodDescriptor> byName = Comparator
                .comparing((MethodDescriptor d) -> d.getMethod().getName())
                .thenComparing(d -> ChildInvocation.parameterTypes(d.getMethod()).toString());
        List<MethodDescriptor> sorted = new ArrayList<>(descriptors);
        sorted.sort(byName);
        ChildSession session = ChildSession.currentOrNull();
        RunPerturbations perturbations = session == null ? RunPerturbations.none()
                : session.request().run().perturbations();
        List<MethodDescriptor> ordered = perturbations.reorder(sorted);
        descriptors.sort(Comparator.comparingInt(ordered::indexOf));
    }
}
