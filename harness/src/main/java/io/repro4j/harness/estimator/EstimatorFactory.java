package io.repro4j.harness.estimator;

import io.repro4j.harness.Estimator;
import io.repro4j.harness.Library;
import io.repro4j.harness.ProblemKind;
import io.repro4j.harness.ReproducibilityConfig;
import java.util.Map;
import org.apiguardian.api.API;

/** Applies the policy, records the ledger entry, builds the library's estimator and passes it to the interceptor. */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class EstimatorFactory {
    private EstimatorFactory() {
    }

    public static Estimator create(Library library, Map<String, ?> params, long seed, ProblemKind kind,
            ReproducibilityConfig config) {
        throw new UnsupportedOperationException("TODO");
    }
}
