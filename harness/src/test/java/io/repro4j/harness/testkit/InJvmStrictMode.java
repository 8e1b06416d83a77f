package io.repro4j.harness.testkit;

import io.repro4j.harness.Determinism;
import io.repro4j.harness.ReproducibilityConfig;
import io.repro4j.harness.estimator.EstimatorLedger;
import io.repro4j.harness.estimator.LedgerEntry;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Strict mode's policy for the public entry points ({@code Determinism.nativeTraining}, {@code DeterministicXGBoost})
 * in this test JVM, which is no strict child: {@code strict.require_env_vars: false}, so they train (the guard warns
 * once). Marks the global ledger before each test and forgets the configuration after it.
 *
 * <pre>{@code
 * @RegisterExtension
 * final InJvmStrictMode strict = new InJvmStrictMode();
 * ... strict.entries() ...
 * }</pre>
 */
public final class InJvmStrictMode implements BeforeEachCallback, AfterEachCallback {
    private int mark;

    @Override
    public void beforeEach(ExtensionContext context) {
        use(ReproducibilityConfig.builder().requireEnvVars(false).build());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Determinism.useConfiguration(null);
    }

    /** Replaces the configuration for the rest of the test, e.g. with another GPU policy. */
    public void use(ReproducibilityConfig config) {
        Determinism.useConfiguration(config);
        mark = EstimatorLedger.global().size();
    }

    /** The global ledger's entries recorded by the current test. */
    public List<LedgerEntry> entries() {
        return EstimatorLedger.global().entriesSince(mark);
    }
}
