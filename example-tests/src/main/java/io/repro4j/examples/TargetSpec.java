package io.repro4j.examples;

import io.repro4j.harness.ProblemKind;
import java.util.Objects;

/**
 * How a target is labelled from forward prices.
 *
 * @param name the target's name, e.g. {@code fwd_ret_10m}
 * @param kind {@link ProblemKind#REGRESSION}: the forward log return itself; {@link ProblemKind#CLASSIFICATION}:
 *     1 when the forward log return exceeds {@code threshold}, else 0
 * @param horizonBars how many bars ahead the label looks (2 bars of 5 minutes for a 10-minute target)
 * @param threshold the return above which a binary label is 1; ignored for regression
 */
public record TargetSpec(String name, ProblemKind kind, int horizonBars, double threshold) {

    public TargetSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        if (horizonBars < 1) {
            throw new IllegalArgumentException("target " + name + ": horizon_bars must be at least 1, was "
                    + horizonBars);
        }
    }

    /** The label of a bar whose forward log return over the horizon is {@code forwardReturn}. */
    public double label(double forwardReturn) {
        return kind == ProblemKind.REGRESSION ? forwardReturn : (forwardReturn > threshold ? 1.0 : 0.0);
    }
}
