package io.repro4j.examples;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Bars of several symbols over the same sessions, held in symbol order so that every traversal is deterministic.
 *
 * @param barsPerSession how many bars one trading session has
 * @param bars each symbol's bars in time order, keyed by symbol in sorted order
 */
public record MarketPanel(int barsPerSession, Map<String, List<Bar>> bars) {

    public MarketPanel {
        if (barsPerSession < 2) {
            throw new IllegalArgumentException("barsPerSession must be at least 2, was " + barsPerSession);
        }
        Objects.requireNonNull(bars, "bars");
        TreeMap<String, List<Bar>> sorted = new TreeMap<>();
        bars.forEach((symbol, series) -> sorted.put(symbol, List.copyOf(series)));
        bars = Collections.unmodifiableSortedMap(sorted);
    }

    /** The symbols in sorted order. */
    public List<String> symbols() {
        return new ArrayList<>(bars.keySet());
    }

    /** The bars of {@code symbol} in time order. */
    public List<Bar> series(String symbol) {
        List<Bar> series = bars.get(symbol);
        if (series == null) {
            throw new IllegalArgumentException("unknown symbol '" + symbol + "'; the panel has " + bars.keySet());
        }
        return series;
    }
}
