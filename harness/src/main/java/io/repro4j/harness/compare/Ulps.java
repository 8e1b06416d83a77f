package io.repro4j.harness.compare;

import org.apiguardian.api.API;

/** Distance between two doubles in units in the last place: how many representable doubles lie between them. */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class Ulps {

    private Ulps() {
    }

    /**
     * The number of representable doubles from {@code a} to {@code b}; {@code 0} for equal values and for
     * {@code +0.0} vs {@code -0.0}; {@link Long#MAX_VALUE} when exactly one is NaN (both NaN count as equal).
     * Crosses zero correctly: the distance from the smallest negative to the smallest positive subnormal is 2.
     */
    public static long between(double a, double b) {
        boolean nanA = Double.isNaN(a);
        boolean nanB = Double.isNaN(b);
        if (nanA || nanB) {
            return nanA && nanB ? 0 : Long.MAX_VALUE;
        }
        long ordA = ordinal(a);
        long ordB = ordinal(b);
        long hi = Math.max(ordA, ordB);
        long lo = Math.min(ordA, ordB);
        long distance = hi - lo;
        return distance < 0 ? Long.MAX_VALUE : distance; // overflow only between huge values of opposite sign
    }

    /** Maps doubles onto longs monotonically, with both zeros at 0. */
    private static long ordinal(double x) {
        long bits = Double.doubleToRawLongBits(x);
        return bits < 0 ? Long.MIN_VALUE - bits : bits;
    }
}
