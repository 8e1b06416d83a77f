package io.repro4j.junit.internal.fork;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CappedLogTest {

    @TempDir
    Path dir;

    private String copy(String text, long limit) throws Exception {
        Path file = dir.resolve("stdout.log");
        CappedLog log = new CappedLog(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), file, limit);
        log.await(log.start(), 10_000);
        return Files.readString(file);
    }

    @Test
    void aLogWithinTheLimitIsKeptWhole() throws Exception {
        assertThat(copy("first\nsecond\n", 100)).isEqualTo("first\nsecond\n");
    }

    @Test
    void aLongLogKeepsItsHeadAndTailAndSaysHowMuchWasCut() throws Exception {
        String text = "HEAD" + "x".repeat(10_000) + "TAIL";

        String kept = copy(text, 100);

        assertThat(kept).startsWith("HEAD").endsWith("TAIL")
                .contains("[repro4j: " + (text.length() - 100) + " bytes of this log were cut here");
        assertThat(kept.length()).isLessThan(100 + 200);
    }
}
