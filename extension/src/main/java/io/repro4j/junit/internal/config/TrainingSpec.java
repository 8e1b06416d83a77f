package io.repro4j.junit.internal.config;

import io.repro4j.harness.View;
import io.repro4j.harness.results.SafeNames;
import io.repro4j.junit.DeterministicTraining;
import io.repro4j.junit.Isolation;
import io.repro4j.junit.Perturbation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * The validated attributes of one {@link DeterministicTraining} use: everything is checked before any child JVM is
 * started or any file is written, so a wrong attribute fails fast with a message naming it and the test.
 *
 * @param runs how many child JVMs run the test, at least 2
 * @param config the experiment config name
 * @param configExplicit true when {@code config} was set by the user (it must then exist)
 * @param target the validated target (the method name when not given)
 * @param view the routing view
 * @param symbol the validated symbol, or {@code null} for cross-sectional training
 * @param timeoutSeconds per-child timeout
 * @param perturbations what later runs change
 * @param requireLedger fail runs that built no estimator through the choke point
 * @param requireRecords fail runs that recorded nothing
 * @param isolation {@link Isolation#TEST} or {@link Isolation#CLASS}, never {@link Isolation#DEFAULT}
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public record TrainingSpec(int runs, String config, boolean configExplicit, String target, View view, String symbol,
        long timeoutSeconds, Set<Perturbation> perturbations, boolean requireLedger, boolean requireRecords,
        Isolation isolation) {

    /** The default experiment config name; used only when its file exists. */
    public static final String DEFAULT_CONFIG = "determinism_test";

    /** Targets and symbols become directory names under the results root. */
    private static final String SAFE_RULE = SafeNames.RULE;

    public TrainingSpec {
        perturbations = perturbations.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(perturbations));
        if (isolation == null || isolation == Isolation.DEFAULT) {
            throw new IllegalArgumentException("isolation must be resolved to TEST or CLASS, not " + isolation);
        }
    }

    /** Validates {@code annotation} on {@code testMethod} in a build that sets no {@code repro4j.isolation}. */
    public static TrainingSpec of(DeterministicTraining annotation, Method testMethod) {
        return of(annotation, testMethod, Isolation.TEST);
    }

    /**
     * Validates {@code annotation} as used on {@code testMethod}.
     *
     * @param buildIsolation what {@link Isolation#DEFAULT} means in this build ({@code repro4j.isolation})
     * @throws ExtensionConfigurationException listing every wrong attribute, each with the test it is on
     */
    public static TrainingSpec of(DeterministicTraining annotation, Method testMethod, Isolation buildIsolation) {
        String test = testMethod.getDeclaringClass().getName() + "#" + testMethod.getName();
        List<String> problems = new ArrayList<>();

        if (annotation.runs() < 2) {
            problems.add("runs = " + annotation.runs() + " is too small: comparing needs at least 2 runs");
        }
        if (annotation.timeoutSeconds() <= 0) {
            problems.add("timeoutSeconds = " + annotation.timeoutSeconds() + " must be positive");
        }
        String config = annotation.config();
        if (config.isBlank()) {
            problems.add("config is blank: name an experiment file under config/experiments/ (without .yaml)");
        } else if (!isSafe(config)) {
            problems.add("config = " + SafeNames.display(config) + " is not a valid experiment name: " + SAFE_RULE);
        }
        String target = annotation.target().isEmpty() ? testMethod.getName() : annotation.target();
        if (!isSafe(target)) {
            problems.add("target = " + SafeNames.display(target) + (annotation.target().isEmpty() ? " (the method name)" : "")
                    + " is not a valid target: " + SAFE_RULE + "; set target = \"...\" explicitly");
        }
        View view = annotation.view();
        String symbol = annotation.symbol().isEmpty() ? null : annotation.symbol();
        if (view == View.SYMBOL_SPECIFIC && symbol == null) {
            problems.add("symbol is required for view = SYMBOL_SPECIFIC, e.g. symbol = \"AAPL\"");
        } else if (view == View.CROSS_SECTIONAL && symbol != null) {
            problems.add("symbol = " + SafeNames.display(symbol) + " is not allowed for view = CROSS_SECTIONAL: remove it or use"
                    + " view = SYMBOL_SPECIFIC");
        } else if (symbol != null && !isSafe(symbol)) {
            problems.add("symbol = " + SafeNames.display(symbol) + " is not a valid symbol: " + SAFE_RULE);
        }
        Set<Perturbation> perturbations = EnumSet.noneOf(Perturbation.class);
        for (Perturbation p : annotation.perturb()) {
            if (!perturbations.add(p)) {
                problems.add("perturb lists " + p + " twice");
            }
        }
        Isolation isolation = annotation.isolation() == Isolation.DEFAULT ? buildIsolation : annotation.isolation();
        if (perturbations.contains(Perturbation.TEST_ORDER) && isolation != Isolation.CLASS) {
            problems.add("perturb = TEST_ORDER needs isolation = Isolation.CLASS (or repro4j.isolation=class): a child"
                    + " JVM that runs one test has no order to change");
        }
        if (!problems.isEmpty()) {
            throw new ExtensionConfigurationException("@DeterministicTraining on " + test + " is misconfigured: "
                    + String.join("; ", problems) + ".");
        }
        return new TrainingSpec(annotation.runs(), config, !DEFAULT_CONFIG.equals(config), target, view, symbol,
                annotation.timeoutSeconds(), perturbations, annotation.requireLedger(), annotation.requireRecords(),
                isolation);
    }

    static boolean isSafe(String value) {
        return SafeNames.isSafe(value);
    }
}
