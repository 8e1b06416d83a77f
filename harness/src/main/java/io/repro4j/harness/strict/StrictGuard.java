package io.repro4j.harness.strict;

import io.repro4j.harness.ReproducibilityConfig;
import io.repro4j.harness.config.ConfigLoader;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apiguardian.api.API;

/**
 * The strict check at every training entry point ({@code Determinism.createEstimator} and the native-training
 * entry points): in strict mode a JVM that was not started in the strict environment refuses to train
 * ({@code strict.require_env_vars: true}, the default), or trains and warns once ({@code false}); the violations are
 * recorded, so a snapshot can say under what it trained.
 *
 * <p>The environment a process was started with cannot change, so the violations are computed once per JVM. The
 * check looks at the variables and JVM flags only: whether a native library was loaded before the check matters
 * in a {@code @DeterministicTraining} child JVM, which runs its own complete check first and then
 * {@link #acceptedBy(String) accepts} the environment, including the perturbations its parent declared.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class StrictGuard {

    private static final System.Logger LOG = System.getLogger(StrictGuard.class.getName());
    private static final AtomicBoolean WARNED = new AtomicBoolean();

    private static volatile List<String> violations;
    private static volatile String acceptedBy;

    private StrictGuard() {
    }

    /**
     * Lets training go on under {@code config}, or refuses it.
     *
     * @throws StrictEnvironmentException in strict mode with {@code strict.require_env_vars: true} when this JVM lacks
     *     the strict environment; the message lists what is missing and how to start the JVM
     */
    public static void ensure(ReproducibilityConfig config) {
        if (!config.isStrict() || acceptedBy != null) {
            return;
        }
        List<String> problems = violations();
        if (problems.isEmpty()) {
            return;
        }
        if (config.requireEnvVars()) {
            throw new StrictEnvironmentException(StrictEnvironment.refusal(problems), problems);
        }
        if (WARNED.compareAndSet(false, true)) {
            LOG.log(System.Logger.Level.WARNING, () -> "repro4j: strict mode trains without the strict environment"
                    + " (strict.require_env_vars: false), so results may depend on this machine: "
                    + String.join("; ", problems) + ". Snapshots record these violations.");
        }
    }

    /**
     * What this JVM lacks of the strict environment, when training went on without it; empty when it has it, when
     * it was accepted by a launcher, or when strict mode does not apply.
     */
    public static List<String> recordedViolations(ReproducibilityConfig config) {
        if (!config.isStrict() || acceptedBy != null) {
            return List.of();
        }
        return violations();
    }

    /**
     * Marks this JVM's environment as checked by the launcher that started it (a {@code @DeterministicTraining}
     * child, after its own check accepted exactly the perturbations its parent declared).
     */
    public static void acceptedBy(String launcher) {
        acceptedBy = launcher;
    }

    /**
     * The launcher that checked this JVM's environment and accepted it ({@link #acceptedBy(String)}), e.g. a
     * {@code @DeterministicTraining} child; empty in any other JVM.
     */
    public static Optional<String> launcher() {
        return Optional.ofNullable(acceptedBy);
    }

    private static List<String> violations() {
        List<String> v = violations;
        if (v == null) {
            Map<String, String> properties = ConfigLoader.currentSystemProperties();
            v = StrictEnvironment.violations(System.getenv(), properties, Set.of());
            violations = v;
        }
        return v;
    }
}
