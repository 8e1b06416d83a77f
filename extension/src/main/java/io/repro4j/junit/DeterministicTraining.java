package io.repro4j.junit;

import io.repro4j.harness.View;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * Runs the annotated model test several times, each in a fresh JVM with the strict environment, and fails it
 * when the runs' fingerprints differ. On a class, applies to every test method.
 *
 * <p>Limitations: TODO (filled by the extension implementation).
 */
@Target({ElementType.METHOD, ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public @interface DeterministicTraining {

    /** How many child JVMs run the test; at least 2. */
    int runs() default 2;

    /** Experiment config name under {@code config/experiments/}, without {@code .yaml}. */
    String config() default "determinism_test";

    /** The target being trained (e.g. {@code fwd_ret_10m}); defaults to the test method's name. */
    String target() default "";

    /** Routing view of the training. */
    View view() default View.CROSS_SECTIONAL;

    /** The symbol for {@link View#SYMBOL_SPECIFIC}; empty for cross-sectional training. */
    String symbol() default "";

    /** Seconds each child may run before it is killed and the test fails. */
    long timeoutSeconds() default 300;

    /** What later runs change that must not matter; {@code {}} turns perturbation off. */
    Perturbation[] perturb() default {Perturbation.IDENTITY_HASH};
}
