package io.repro4j.harness.seed;

import java.math.BigInteger;
import java.util.List;
import java.util.Random;
import org.apiguardian.api.API;

/** The reference pipeline's seed functions, bit for bit. */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class SeedDerivation {
    /** {@code 2^31 - 1}. */
    public static final long MODULUS = 2147483647L;

    private SeedDerivation() {
    }

    public static long normalize(BigInteger seed) {
        throw new UnsupportedOperationException("TODO");
    }

    public static long resolve(Number globalSeed, String phase, String target, int fold, String symbol,
            String view, String version) {
        throw new UnsupportedOperationException("TODO");
    }

    public static long stableSeedFrom(List<?> parts, long modulo) {
        throw new UnsupportedOperationException("TODO");
    }

    public static long seedAll(long seed) {
        throw new UnsupportedOperationException("TODO");
    }

    public static Random random(String component, long configuredSeed) {
        throw new UnsupportedOperationException("TODO");
    }
}
