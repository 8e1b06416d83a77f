package io.repro4j.examples;

import io.repro4j.harness.Library;
import io.repro4j.harness.View;
import java.util.Objects;

/**
 * One model to train: which library, which target, pooled across symbols or for one symbol.
 *
 * @param library the gradient-boosting library
 * @param target a target named in the experiment's {@code targets}
 * @param view {@link View#CROSS_SECTIONAL} pools every symbol; {@link View#SYMBOL_SPECIFIC} trains on {@code symbol}
 * @param symbol the symbol of a symbol-specific model; {@code null} for a cross-sectional one
 */
public record TrainingTask(Library library, String target, View view, String symbol) {

    public TrainingTask {
        Objects.requireNonNull(library, "library");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(view, "view");
        if (view == View.SYMBOL_SPECIFIC && (symbol == null || symbol.isBlank())) {
            throw new IllegalArgumentException("a SYMBOL_SPECIFIC task needs a symbol (target " + target + ")");
        }
        if (view == View.CROSS_SECTIONAL && symbol != null) {
            throw new IllegalArgumentException("a CROSS_SECTIONAL task pools every symbol; got symbol " + symbol);
        }
    }

    /** A model pooled across every symbol of the experiment. */
    public static TrainingTask crossSectional(Library library, String target) {
        return new TrainingTask(library, target, View.CROSS_SECTIONAL, null);
    }

    /** A model trained on one symbol's bars. */
    public static TrainingTask symbolSpecific(Library library, String target, String symbol) {
        return new TrainingTask(library, target, View.SYMBOL_SPECIFIC, symbol);
    }
}
