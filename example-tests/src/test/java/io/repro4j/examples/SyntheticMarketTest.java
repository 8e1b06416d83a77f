package io.repro4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SyntheticMarketTest {

    @Test
    void theSameSeedGivesTheSameBarsWhateverTheSymbolOrder() {
        MarketPanel a = SyntheticMarket.generate(7, List.of("MSFT", "AAPL", "NVDA"), 200);
        MarketPanel b = SyntheticMarket.generate(7, List.of("NVDA", "AAPL", "MSFT"), 200);
        assertThat(a).isEqualTo(b);
        assertThat(a.symbols()).containsExactly("AAPL", "MSFT", "NVDA");
    }

    @Test
    void anotherSeedGivesOtherPrices() {
        MarketPanel a = SyntheticMarket.generate(7, List.of("AAPL"), 50);
        MarketPanel b = SyntheticMarket.generate(8, List.of("AAPL"), 50);
        assertThat(a.series("AAPL").get(49).close()).isNotEqualTo(b.series("AAPL").get(49).close());
    }

    @Test
    void addingASymbolLeavesTheOthersUnchanged() {
        MarketPanel small = SyntheticMarket.generate(7, List.of("AAPL", "MSFT"), 100);
        MarketPanel large = SyntheticMarket.generate(7, List.of("AAPL", "MSFT", "TSLA"), 100);
        assertThat(large.series("AAPL")).isEqualTo(small.series("AAPL"));
        assertThat(large.series("MSFT")).isEqualTo(small.series("MSFT"));
    }

    @Test
    void barsAreFiveMinutesApartWithinASessionAndSessionsSkipTheWeekend() {
        List<Bar> bars = SyntheticMarket.generate(1, List.of("AAPL"), 4 * SyntheticMarket.BARS_PER_SESSION)
                .series("AAPL");
        assertThat(bars.get(0).start()).isEqualTo(Instant.parse("2024-01-02T14:30:00Z"));
        assertThat(Duration.between(bars.get(0).start(), bars.get(1).start())).isEqualTo(Duration.ofMinutes(5));
        assertThat(bars.get(77).start()).isEqualTo(Instant.parse("2024-01-02T20:55:00Z"));
        assertThat(bars.get(78).start()).isEqualTo(Instant.parse("2024-01-03T14:30:00Z"));
        // Tuesday 2 January 2024 + 3 sessions = Friday 5th; the 5th session is Monday 8th.
        assertThat(SyntheticMarket.generate(1, List.of("AAPL"), 5 * 78).series("AAPL").get(4 * 78).start())
                .isEqualTo(Instant.parse("2024-01-08T14:30:00Z"));
    }

    @Test
    void pricesFollowFromTheirPreviousCloseAndVolumesArePositive() {
        List<Bar> bars = SyntheticMarket.generate(3, List.of("TSLA"), 300).series("TSLA");
        for (int i = 1; i < bars.size(); i++) {
            assertThat(bars.get(i).open()).isEqualTo(bars.get(i - 1).close());
            assertThat(bars.get(i).volume()).isPositive();
        }
    }

    @Test
    void symbolHashIsFixedByTheSpecificationNotTheJvm() {
        // FNV-1a 64 of "a" is a published test vector.
        assertThat(SyntheticMarket.fnv1a64("a")).isEqualTo(0xaf63dc4c8601ec8cL);
    }
}
