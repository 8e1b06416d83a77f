package io.repro4j.junit.internal.child;

import io.repro4j.harness.Determinism;
import io.repro4j.harness.estimator.LedgerEntry;
import io.repro4j.harness.estimator.ParamAliases;
import io.repro4j.harness.strict.StrictEnvironment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.ForkJoinPool;

/**
 * What a child JVM really ran with, read from the JVM itself after the test body: the thread parameters each
 * training got, the thread variables, the common pool's parallelism, whether the one-thread rule was on, the
 * default time zone, locale and working directory. Recorded as {@code run_context.applied}, next to what the run
 * was asked to change, so that a perturbation that was declared but not applied shows in the snapshot.
 */
final class AppliedContext {

    private AppliedContext() {
    }

    /** The applied context of a run whose body made {@code entries}. */
    static Map<String, Object> capture(List<LedgerEntry> entries) {
        Map<String, Object> applied = new LinkedHashMap<>();
        applied.put("force_single_thread", Determinism.loadReproducibilityConfig().forceSingleThread());
        Map<String, String> variables = new LinkedHashMap<>();
        for (String name : StrictEnvironment.THREAD_VARIABLES) {
            variables.put(name, System.getenv(name));
        }
        applied.put("thread_variables", variables);
        applied.put("common_pool_parallelism", ForkJoinPool.getCommonPoolParallelism());
        List<Map<String, Object>> trainings = new ArrayList<>();
        for (LedgerEntry entry : entries) {
            Map<String, Object> threads = new LinkedHashMap<>();
            threads.put("library", entry.library().name().toLowerCase(Locale.ROOT));
            String key = ParamAliases.threadsKey(entry.library());
            // Absent: the library chose its own thread count (from the thread variables, or all cores).
            threads.put(key, entry.effectiveParams().get(key));
            trainings.add(threads);
        }
        applied.put("estimator_threads", trainings);
        applied.put("time_zone", TimeZone.getDefault().getID());
        applied.put("locale", Locale.getDefault().toLanguageTag());
        applied.put("working_directory", Path.of("").toAbsolutePath().toString());
        return applied;
    }
}
