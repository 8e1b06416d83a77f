package io.repro4j.harness.fingerprint;

import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/** Digests over several runs' or models' digests. */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class Aggregates {

    private Aggregates() {
    }

    /** The reference's {@code aggregated_predictions_sha256}: {@code sha256("|".join(sorted(hashes)))}. */
    public static String predictionsSha256(List<String> hashes) {
        List<String> sorted = new ArrayList<>(hashes);
        sorted.sort(PythonOrder::compareCodePoints);
        return Sha256.hex(String.join("|", sorted));
    }
}
