package io.repro4j.harness.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SnapshotWriterTest {

    @Test
    void timestampsAreWhatTheirPatternsFormat() {
        DateTimeFormatter timestamp = DateTimeFormatter.ofPattern(SnapshotWriter.TIMESTAMP_PATTERN).withZone(ZoneOffset.UTC);
        DateTimeFormatter runId = DateTimeFormatter.ofPattern(SnapshotWriter.RUN_ID_TIME_PATTERN).withZone(ZoneOffset.UTC);
        List<Instant> instants = new ArrayList<>(List.of(Instant.EPOCH, Instant.parse("1999-12-31T23:59:59.999999999Z"),
                Instant.parse("2026-01-02T03:04:05.000006Z"), Instant.parse("0999-01-01T00:00:00Z"),
                Instant.parse("+10000-01-01T00:00:00Z"), Instant.now()));
        SplittableRandom random = new SplittableRandom(13);
        for (int i = 0; i < 10_000; i++) {
            instants.add(Instant.ofEpochSecond(random.nextLong(0, 4_102_444_800L), random.nextInt(1_000_000_000)));
        }

        for (Instant t : instants) {
            assertThat(SnapshotWriter.utc(t, true)).as("timestamp of %s", t).isEqualTo(timestamp.format(t));
            assertThat(SnapshotWriter.utc(t, false)).as("run id time of %s", t).isEqualTo(runId.format(t));
        }
    }
}
