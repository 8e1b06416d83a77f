package io.repro4j.harness.estimator;

import io.repro4j.harness.Library;
import io.repro4j.harness.Mode;
import io.repro4j.harness.ProblemKind;
import java.lang.reflect.Array;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Every training entry point call made in this JVM ({@code createEstimator}, {@code DeterministicXGBoost.train},
 * {@code nativeTraining}), in order. Thread-safe; entries hold deep-immutable copies of the
 * parameters, so later changes to a caller's map do not rewrite history.
 *
 * <p>A run that shares its JVM with others takes {@link #size()} as a mark before it starts and reads
 * {@link #entriesSince(int)} afterwards.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class EstimatorLedger {
    private static final EstimatorLedger GLOBAL = new EstimatorLedger();
    private static final String HARNESS_PACKAGE = "io.repro4j.harness.";

    /** Packages (with the code source they load from) whose frames are repro4j's entry points, not callers. */
    private static final List<EntryPointSource> ENTRY_POINTS = new java.util.concurrent.CopyOnWriteArrayList<>(
            List.of(new EntryPointSource(HARNESS_PACKAGE, EstimatorLedger.class.getProtectionDomain().getCodeSource())));

    private final List<LedgerEntry> entries = new ArrayList<>();

    /**
     * Makes the package of {@code anchor}, as loaded from its code source, part of repro4j's entry points, so a call
     * site names the code that called it (repro4j-spark registers {@code io.repro4j.spark}); classes of that package
     * from another code source (its tests) still count as callers.
     */
    public static void registerEntryPoints(Class<?> anchor) {
        EntryPointSource source = new EntryPointSource(anchor.getPackageName() + ".",
                anchor.getProtectionDomain().getCodeSource());
        if (!ENTRY_POINTS.contains(source)) {
            ENTRY_POINTS.add(source);
        }
    }

    private record EntryPointSource(String packagePrefix, CodeSource source) {
    }

    /** A fresh, empty ledger (tests); production code uses {@link #global()}. */
    public EstimatorLedger() {
    }

    /** The ledger every training entry point records into. */
    public static EstimatorLedger global() {
        return GLOBAL;
    }

    /** All entries, oldest first (a snapshot). */
    public synchronized List<LedgerEntry> entries() {
        return List.copyOf(entries);
    }

    /** Number of entries so far; usable as a mark for {@link #entriesSince(int)}. */
    public synchronized int size() {
        return entries.size();
    }

    /** The entries recorded after {@code mark} was taken with {@link #size()}; all of them if the ledger was cleared since. */
    public synchronized List<LedgerEntry> entriesSince(int mark) {
        if (mark < 0) {
            throw new IllegalArgumentException("mark must not be negative: " + mark);
        }
        return mark >= entries.size() ? List.of() : List.copyOf(entries.subList(mark, entries.size()));
    }

    /** Forgets every entry; indexes start again at 0. */
    public synchronized void clear() {
        entries.clear();
    }

    /** Appends an entry for one call and returns it; the call site is taken from the current stack. */
    public synchronized LedgerEntry record(LedgerEntry.EntryPoint entryPoint, Library library, ProblemKind kind,
            Mode mode, long seed, Map<String, ?> requestedParams, Map<String, ?> effectiveParams,
            List<Rewrite> rewrites, TrainedModel model) {
        LedgerEntry entry = new LedgerEntry(entries.size(), entryPoint, library, kind, mode, seed,
                deepCopy(requestedParams), deepCopy(effectiveParams), List.copyOf(rewrites), callSite(), model);
        entries.add(entry);
        return entry;
    }

    /** An unmodifiable copy all the way down: maps, lists and arrays (as lists); {@code null} values are kept. */
    static Map<String, Object> deepCopy(Map<String, ?> params) {
        Map<String, Object> copy = new LinkedHashMap<>();
        params.forEach((k, v) -> copy.put(k, deepCopyValue(v)));
        return Collections.unmodifiableMap(copy);
    }

    private static Object deepCopyValue(Object v) {
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> copy = new LinkedHashMap<>();
            m.forEach((k, x) -> copy.put(String.valueOf(k), deepCopyValue(x)));
            return Collections.unmodifiableMap(copy);
        }
        if (v instanceof Iterable<?> it) {
            List<Object> copy = new ArrayList<>();
            it.forEach(x -> copy.add(deepCopyValue(x)));
            return Collections.unmodifiableList(copy);
        }
        if (v != null && v.getClass().isArray()) {
            List<Object> copy = new ArrayList<>();
            for (int i = 0; i < Array.getLength(v); i++) {
                copy.add(deepCopyValue(Array.get(v, i)));
            }
            return Collections.unmodifiableList(copy);
        }
        return v;
    }

    /**
     * The first frame outside the harness and the other registered entry points ({@code class.method:line}). Their
     * classes are recognised by package and by being loaded from their own code source, so their tests still count
     * as callers.
     */
    static String callSite() {
        return StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE).walk(frames -> frames
                .filter(f -> ENTRY_POINTS.stream().noneMatch(e -> f.getClassName().startsWith(e.packagePrefix())
                        && Objects.equals(f.getDeclaringClass().getProtectionDomain().getCodeSource(), e.source())))
                .filter(f -> !f.getClassName().startsWith("jdk.internal.") && !f.getClassName().startsWith("java.lang.reflect."))
                .findFirst()
                .map(f -> f.getClassName() + "." + f.getMethodName() + ":" + f.getLineNumber())
                .orElse("unknown"));
    }
}
