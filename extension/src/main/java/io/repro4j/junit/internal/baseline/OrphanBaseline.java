package io.repro4j.junit.internal.baseline;

import java.nio.file.Path;
import org.apiguardian.api.API;

/**
 * A baseline file that no test uses any more, or that cannot be read to find out.
 *
 * @param file the baseline file
 * @param testId the test it was recorded for, {@code null} when unreadable
 * @param reason why it is an orphan, e.g. {@code class com.acme.ModelTest not found}
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public record OrphanBaseline(Path file, String testId, String reason) {

    @Override
    public String toString() {
        return file + " (" + (testId == null ? "" : testId + ": ") + reason + ")";
    }
}
