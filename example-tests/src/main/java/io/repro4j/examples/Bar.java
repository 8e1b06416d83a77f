package io.repro4j.examples;

import java.time.Instant;
import java.util.Objects;

/**
 * One intraday bar of one symbol.
 *
 * @param symbol the ticker, e.g. {@code AAPL}
 * @param start when the bar opens (UTC)
 * @param barOfDay 0-based position of the bar in its trading session
 * @param open first price of the bar
 * @param high highest price of the bar
 * @param low lowest price of the bar
 * @param close last price of the bar
 * @param volume shares traded during the bar
 */
public record Bar(String symbol, Instant start, int barOfDay, double open, double high, double low, double close,
        long volume) {

    public Bar {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(start, "start");
        if (!(low <= Math.min(open, close) && high >= Math.max(open, close) && low > 0)) {
            throw new IllegalArgumentException("inconsistent bar " + symbol + "@" + start + ": open=" + open
                    + " high=" + high + " low=" + low + " close=" + close);
        }
        if (volume < 0) {
            throw new IllegalArgumentException("negative volume " + volume + " for " + symbol + "@" + start);
        }
    }
}
