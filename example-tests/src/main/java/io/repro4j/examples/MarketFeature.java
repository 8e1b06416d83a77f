package io.repro4j.examples;

import java.util.List;
import java.util.Locale;

/**
 * The features a model sees at the close of a bar, computed from that bar and earlier ones only (no look-ahead).
 *
 * <p>Column order is {@link #values()} order unless a caller chooses otherwise. Note that an enum's
 * {@code hashCode()} is its identity hash: collect features in an {@link java.util.EnumSet} or a list, never in a
 * {@link java.util.HashSet}, whose iteration order would then change from JVM to JVM.
 */
public enum MarketFeature {
    /** Log return of the last bar. */
    RET_1 {
        @Override
        double valueAt(List<Bar> bars, int i) {
            return logReturn(bars, i, 1);
        }
    },
    /** Log return over the last 5 bars (25 minutes). */
    RET_5 {
        @Override
        double valueAt(List<Bar> bars, int i) {
            return logReturn(bars, i, 5);
        }
    },
    /** Log return over the last 15 bars (75 minutes). */
    RET_15 {
        @Override
        double valueAt(List<Bar> bars, int i) {
            return logReturn(bars, i, 15);
        }
    },
    /** The last bar's return as a z-score against the previous 20 bars' returns. */
    RET_ZSCORE_20 {
        @Override
        double valueAt(List<Bar> bars, int i) {
            double sum = 0;
            double sumSquares = 0;
            for (int k = i - 19; k <= i; k++) {
                double r = logReturn(bars, k, 1);
                sum += r;
                sumSquares += r * r;
            }
            double mean = sum / 20;
            double variance = Math.max(0, sumSquares / 20 - mean * mean);
            return variance == 0 ? 0 : (logReturn(bars, i, 1) - mean) / StrictMath.sqrt(variance);
        }
    },
    /** An RSI-like oscillator in [0, 100]: the share of up-moves in the absolute close-to-close moves of 14 bars. */
    RSI_14 {
        @Override
        double valueAt(List<Bar> bars, int i) {
            double up = 0;
            double down = 0;
            for (int k = i - 13; k <= i; k++) {
                double move = bars.get(k).close() - bars.get(k - 1).close();
                if (move > 0) {
                    up += move;
                } else {
                    down -= move;
                }
            }
            return up + down == 0 ? 50 : 100 * up / (up + down);
        }
    },
    /** Volume of the last bar over the mean volume of the last 20 bars. */
    VOLUME_RATIO_20 {
        @Override
        double valueAt(List<Bar> bars, int i) {
            double sum = 0;
            for (int k = i - 19; k <= i; k++) {
                sum += bars.get(k).volume();
            }
            return sum == 0 ? 1 : bars.get(i).volume() / (sum / 20);
        }
    },
    /** Where the close sits in the high–low range of the last 15 bars, in [0, 1]. */
    RANGE_POSITION_15 {
        @Override
        double valueAt(List<Bar> bars, int i) {
            double high = Double.NEGATIVE_INFINITY;
            double low = Double.POSITIVE_INFINITY;
            for (int k = i - 14; k <= i; k++) {
                high = Math.max(high, bars.get(k).high());
                low = Math.min(low, bars.get(k).low());
            }
            return high == low ? 0.5 : (bars.get(i).close() - low) / (high - low);
        }
    },
    /** High–low range of the last bar relative to its close. */
    BAR_RANGE {
        @Override
        double valueAt(List<Bar> bars, int i) {
            Bar bar = bars.get(i);
            return (bar.high() - bar.low()) / bar.close();
        }
    },
    /** Position of the bar in its session: 0 at the open, 1 at the last bar. */
    INTRADAY_POSITION {
        @Override
        double valueAt(List<Bar> bars, int i) {
            return bars.get(i).barOfDay() / (double) (SyntheticMarket.BARS_PER_SESSION - 1);
        }
    };

    /** Bars of history every feature needs before the current one: the 20-bar windows of 1-bar returns. */
    public static final int LOOKBACK = 20;

    /** The column name, e.g. {@code ret_zscore_20}. */
    public String columnName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The feature at bar {@code i}; requires {@code i >= LOOKBACK}. */
    abstract double valueAt(List<Bar> bars, int i);

    private static double logReturn(List<Bar> bars, int i, int lag) {
        return StrictMath.log(bars.get(i).close() / bars.get(i - lag).close());
    }
}
