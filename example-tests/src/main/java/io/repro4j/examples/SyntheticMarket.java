package io.repro4j.examples;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * Generates a deterministic intraday market panel: 5-minute bars of a US equity session (09:30–16:00 New York,
 * 78 bars) for several symbols, with a common market factor, a per-symbol beta, short-horizon mean reversion and
 * volume that reacts to large moves.
 *
 * <p>Everything comes from the given seed: the market factor from one {@link SplittableRandom}, each symbol from its
 * own generator whose seed mixes the panel seed with a fixed hash of the symbol's name, symbols in sorted order.
 * Adding a symbol therefore leaves the other symbols' bars unchanged, and the same seed gives the same bits on any
 * JVM ({@link StrictMath} throughout).
 */
public final class SyntheticMarket {

    /** Bars in one 09:30–16:00 session at 5 minutes. */
    public static final int BARS_PER_SESSION = 78;

    /** Minutes per bar. */
    public static final int BAR_MINUTES = 5;

    private static final LocalDate FIRST_SESSION = LocalDate.of(2024, 1, 2);
    /** 09:30 New York in January is 14:30 UTC. */
    private static final int SESSION_OPEN_MINUTE_UTC = 14 * 60 + 30;

    private static final double MARKET_VOLATILITY = 0.0008;
    /** Weight of the previous bar's return in the next one: negative means short-horizon reversal. */
    private static final double REVERSAL = -0.45;

    private SyntheticMarket() {
    }

    /**
     * A panel of {@code barsPerSymbol} consecutive bars for each symbol.
     *
     * @param seed the seed every price and volume derives from
     * @param symbols the tickers; duplicates are ignored, order does not matter
     * @param barsPerSymbol how many bars each symbol gets, from the first session on
     */
    public static MarketPanel generate(long seed, List<String> symbols, int barsPerSymbol) {
        if (symbols.isEmpty()) {
            throw new IllegalArgumentException("a market panel needs at least one symbol");
        }
        if (barsPerSymbol < 1) {
            throw new IllegalArgumentException("barsPerSymbol must be positive, was " + barsPerSymbol);
        }
        Instant[] starts = barStarts(barsPerSymbol);
        SplittableRandom marketRandom = new SplittableRandom(seed);
        double[] marketReturns = new double[barsPerSymbol];
        for (int i = 0; i < barsPerSymbol; i++) {
            marketReturns[i] = MARKET_VOLATILITY * gaussian(marketRandom);
        }

        Map<String, List<Bar>> bars = new LinkedHashMap<>();
        for (String symbol : new TreeSet<>(symbols)) {
            bars.put(symbol, symbolBars(symbol, new SplittableRandom(seed ^ fnv1a64(symbol)), marketReturns, starts));
        }
        return new MarketPanel(BARS_PER_SESSION, bars);
    }

    private static List<Bar> symbolBars(String symbol, SplittableRandom random, double[] marketReturns,
            Instant[] starts) {
        double price = 20 + 480 * random.nextDouble();
        double beta = 0.6 + 0.8 * random.nextDouble();
        double idiosyncraticVolatility = 0.001 + 0.002 * random.nextDouble();
        double baseVolume = 50_000 + random.nextInt(450_000);

        Bar[] out = new Bar[marketReturns.length];
        double previousReturn = 0;
        for (int i = 0; i < marketReturns.length; i++) {
            int barOfDay = i % BARS_PER_SESSION;
            double logReturn = beta * marketReturns[i] + REVERSAL * previousReturn
                    + idiosyncraticVolatility * gaussian(random);
            double open = price;
            double close = open * StrictMath.exp(logReturn);
            double wick = 0.5 * idiosyncraticVolatility;
            double high = Math.max(open, close) * StrictMath.exp(wick * Math.abs(gaussian(random)));
            double low = Math.min(open, close) * StrictMath.exp(-wick * Math.abs(gaussian(random)));
            double volume = baseVolume * intradayVolumeShape(barOfDay)
                    * StrictMath.exp(0.3 * gaussian(random) + 40 * Math.abs(logReturn));
            out[i] = new Bar(symbol, starts[i], barOfDay, open, high, low, close, Math.round(volume));
            previousReturn = logReturn;
            price = close;
        }
        return List.of(out);
    }

    /** The U shape of intraday volume: heavy at the open and the close, light at midday. */
    private static double intradayVolumeShape(int barOfDay) {
        double x = barOfDay / (double) (BARS_PER_SESSION - 1) - 0.5;
        return 0.6 + 3.2 * x * x;
    }

    private static Instant[] barStarts(int count) {
        Instant[] starts = new Instant[count];
        LocalDate session = FIRST_SESSION;
        for (int i = 0; i < count; i++) {
            int barOfDay = i % BARS_PER_SESSION;
            if (i > 0 && barOfDay == 0) {
                session = nextWeekday(session);
            }
            starts[i] = session.atStartOfDay(ZoneOffset.UTC).toInstant()
                    .plusSeconds(60L * (SESSION_OPEN_MINUTE_UTC + BAR_MINUTES * barOfDay));
        }
        return starts;
    }

    private static LocalDate nextWeekday(LocalDate day) {
        LocalDate next = day.plusDays(1);
        while (next.getDayOfWeek() == DayOfWeek.SATURDAY || next.getDayOfWeek() == DayOfWeek.SUNDAY) {
            next = next.plusDays(1);
        }
        return next;
    }

    /** Box–Muller with {@link StrictMath}, so the sequence does not depend on the JDK's Gaussian algorithm. */
    private static double gaussian(SplittableRandom random) {
        double u1 = 1.0 - random.nextDouble(); // (0, 1]: the logarithm stays finite
        double u2 = random.nextDouble();
        return StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2.0 * StrictMath.PI * u2);
    }

    /** FNV-1a over the UTF-8 bytes: a symbol's seed must not depend on {@link String#hashCode()}'s spec or the JVM. */
    static long fnv1a64(String text) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        return hash;
    }
}
