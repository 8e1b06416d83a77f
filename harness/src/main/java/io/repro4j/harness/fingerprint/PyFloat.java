package io.repro4j.harness.fingerprint;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import org.apiguardian.api.API;

/**
 * Python's {@code float} formatting and rounding, which the reference digests depend on.
 *
 * <p>{@code Double.toString} cannot be used: it writes {@code 1.0E-5} where Python writes {@code 1e-05}, and on
 * Java 17 it is not always the shortest round-trip string.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class PyFloat {

    /** Python's {@code repr} switches to exponent notation below this decimal exponent ... */
    private static final int MIN_FIXED_EXPONENT = -4;
    /** ... and from this one on. */
    private static final int MAX_FIXED_EXPONENT_EXCLUSIVE = 16;

    private PyFloat() {
    }

    /**
     * Python's {@code repr(x)}: the shortest decimal that parses back to {@code x} (the one nearest to {@code x}
     * when several are as short), always with a fractional part or an exponent: {@code 5.0}, {@code 0.1},
     * {@code 1e-05}, {@code 1e+16}, {@code -0.0}, {@code 1.5e+300}, {@code inf}, {@code nan}.
     */
    public static String repr(double x) {
        if (Double.isNaN(x)) {
            return "nan";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "inf" : "-inf";
        }
        if (x == 0.0) {
            return Double.doubleToRawLongBits(x) == 0L ? "0.0" : "-0.0";
        }
        BigDecimal shortest = shortestRoundTrip(Math.abs(x)).stripTrailingZeros();
        String digits = shortest.unscaledValue().toString();
        // value = 0.<digits> * 10^pointPosition
        int pointPosition = digits.length() - shortest.scale();
        String body = layout(digits, pointPosition);
        return x < 0 ? "-" + body : body;
    }

    /**
     * Python's {@code round(x, ndigits)} for a float: half-even on the exact binary value, then the nearest double;
     * NaN and infinities pass through and the sign of a zero result is kept ({@code round(-1e-300, 6)} is
     * {@code -0.0}).
     */
    public static double round(double x, int ndigits) {
        if (Double.isNaN(x) || Double.isInfinite(x) || x == 0.0) {
            return x;
        }
        double rounded = new BigDecimal(x).setScale(ndigits, RoundingMode.HALF_EVEN).doubleValue();
        return rounded == 0.0 ? Math.copySign(0.0, x) : rounded;
    }

    private static BigDecimal shortestRoundTrip(double positive) {
        BigDecimal exact = new BigDecimal(positive);
        for (int precision = 1; precision <= 17; precision++) {
            BigDecimal best = null;
            // The nearest candidate can miss the rounding interval at a power of two (the interval is
            // asymmetric there) while the other neighbour hits it, so try both neighbours too.
            for (RoundingMode mode : new RoundingMode[] {RoundingMode.HALF_EVEN, RoundingMode.FLOOR,
                    RoundingMode.CEILING}) {
                BigDecimal candidate = exact.round(new MathContext(precision, mode));
                if (candidate.doubleValue() == positive && (best == null
                        || candidate.subtract(exact).abs().compareTo(best.subtract(exact).abs()) < 0)) {
                    best = candidate;
                }
            }
            if (best != null) {
                return best;
            }
        }
        return exact.round(MathContext.DECIMAL64); // 17 digits always round-trip; not reached
    }

    private static String layout(String digits, int pointPosition) {
        int exponent = pointPosition - 1;
        if (exponent < MIN_FIXED_EXPONENT || exponent >= MAX_FIXED_EXPONENT_EXCLUSIVE) {
            StringBuilder s = new StringBuilder().append(digits.charAt(0));
            if (digits.length() > 1) {
                s.append('.').append(digits, 1, digits.length());
            }
            int magnitude = Math.abs(exponent);
            s.append('e').append(exponent < 0 ? '-' : '+');
            if (magnitude < 10) {
                s.append('0');
            }
            return s.append(magnitude).toString();
        }
        if (pointPosition <= 0) {
            return "0." + "0".repeat(-pointPosition) + digits;
        }
        if (pointPosition >= digits.length()) {
            return digits + "0".repeat(pointPosition - digits.length()) + ".0";
        }
        return digits.substring(0, pointPosition) + "." + digits.substring(pointPosition);
    }
}
