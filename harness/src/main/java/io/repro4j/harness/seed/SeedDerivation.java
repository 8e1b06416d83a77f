package io.repro4j.harness.seed;

import io.repro4j.harness.fingerprint.Sha256;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/** The reference pipeline's seed functions, bit for bit. */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class SeedDerivation {
    /** {@code 2^31 - 1}. */
    public static final long MODULUS = 2147483647L;

    private static final BigInteger BIG_MODULUS = BigInteger.valueOf(MODULUS);

    /** The seed last given to {@link #seedAll(long)}, normalised; null until then. */
    private static volatile Long base;

    private SeedDerivation() {
    }

    /**
     * {@code normalize_seed}: {@code seed} floor-mod {@code 2^31 - 1} (negatives wrap upward), then 0 becomes 1.
     *
     * @return a seed in {@code [1, 2147483646]}
     */
    public static long normalize(BigInteger seed) {
        long r = seed.mod(BIG_MODULUS).longValueExact();
        return r == 0 ? 1 : r;
    }

    /**
     * {@code resolve_seed}: the first 8 hex digits of the SHA-256 of {@link #resolvePayload}, normalised.
     *
     * @param globalSeed the configured seed: {@code Integer}, {@code Long} or {@code BigInteger} (written as Python
     *     writes it, so any {@code Number} works; null is written {@code None})
     */
    public static long resolve(Number globalSeed, String phase, String target, int fold, String symbol,
            String view, String version) {
        String digest = Sha256.hex(resolvePayload(globalSeed, phase, target, fold, symbol, view, version));
        return normalize(BigInteger.valueOf(Long.parseLong(digest.substring(0, 8), 16)));
    }

    /** The text {@link #resolve} hashes: {@code global_seed|phase|target|fold|symbol|view|version}, nulls as {@code None}. */
    public static String resolvePayload(Number globalSeed, String phase, String target, int fold, String symbol,
            String view, String version) {
        List<Object> parts = new ArrayList<>(7);
        parts.add(globalSeed);
        parts.add(phase);
        parts.add(target);
        parts.add(fold);
        parts.add(symbol);
        parts.add(view);
        parts.add(version);
        return parts.stream().map(PyStr::str).collect(Collectors.joining("|"));
    }

    /**
     * {@code stable_seed_from(parts, modulo)}: the first 12 hex digits of the SHA-256 of {@link #joinParts} mod
     * {@code modulo}. Unlike {@link #normalize}, 0 is a possible result.
     *
     * @throws IllegalArgumentException when {@code modulo} is not positive
     */
    public static long stableSeedFrom(List<?> parts, long modulo) {
        if (modulo <= 0) {
            throw new IllegalArgumentException("modulo must be positive, was " + modulo);
        }
        String digest = Sha256.hex(joinParts(parts));
        return Math.floorMod(Long.parseLong(digest.substring(0, 12), 16), modulo);
    }

    /** The text {@link #stableSeedFrom} hashes: Python's {@code str()} of each part, joined by {@code ::}. */
    public static String joinParts(List<?> parts) {
        return parts.stream().map(PyStr::str).collect(Collectors.joining("::"));
    }

    /**
     * Makes the normalised {@code seed} the base of every generator {@link #random} hands out, and returns it.
     * Java has no global generator to seed, so code asks for a named, derived one instead.
     */
    public static long seedAll(long seed) {
        long normalized = normalize(BigInteger.valueOf(seed));
        base = normalized;
        return normalized;
    }

    /**
     * A generator for {@code component}, seeded with {@code stable_seed_from([base, component])}, where base is the
     * value of the last {@link #seedAll} or, before any, {@code configuredSeed}.
     */
    public static Random random(String component, long configuredSeed) {
        Long seeded = base;
        long from = seeded != null ? seeded : configuredSeed;
        return new Random(stableSeedFrom(java.util.Arrays.asList(from, component), MODULUS));
    }
}
