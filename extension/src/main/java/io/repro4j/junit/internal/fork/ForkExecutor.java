package io.repro4j.junit.internal.fork;

import io.repro4j.harness.results.ConfinedDelete;
import io.repro4j.harness.Repro4jException;
import io.repro4j.harness.results.ResultsLayout;
import io.repro4j.harness.snapshot.DiffPrev;
import io.repro4j.harness.snapshot.Snapshot;
import io.repro4j.junit.internal.protocol.FirstRunBarrier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apiguardian.api.API;

/**
 * Runs the children of a {@link ForkPlan} in parallel, bounded by {@link ChildSlots} across every test JVM of the
 * results root, and always cleans up: no child outlives the call, and every private temp directory is deleted.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class ForkExecutor {

    private ForkExecutor() {
    }

    /**
     * Prepares the directories, runs every child and returns their outcomes in run order.
     *
     * @throws InterruptedException when the calling thread is interrupted; every child is killed first
     */
    public static List<ChildOutcome> execute(ForkPlan plan, int parallelChildren, long logLimit)
            throws InterruptedException {
        prepare(plan);
        return executePrepared(plan, parallelChildren, logLimit);
    }

    /** Runs every child of a plan whose directories {@link #prepare} made; see {@link #execute}. */
    static List<ChildOutcome> executePrepared(ForkPlan plan, int parallelChildren, long logLimit)
            throws InterruptedException {
        int threads = Math.max(1, Math.min(parallelChildren, plan.children().size()));
        AtomicInteger counter = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "repro4j-child-" + plan.testKey() + "-" + counter.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        Duration timeout = Duration.ofSeconds(plan.spec().timeoutSeconds());
        List<ChildSlots.Slot> slots = new ArrayList<>();
        List<Future<ChildOutcome>> futures = new ArrayList<>();
        List<ChildOutcome> outcomes = new ArrayList<>();
        try {
            for (PlannedChild run : plan.children()) {
                // Slots are taken here, in run order: run 1 always starts no later than the runs waiting for it.
                ChildSlots.Slot slot = ChildSlots.acquire(plan.results().childSlots(), parallelChildren);
                slots.add(slot);
                futures.add(pool.submit(() -> {
                    try {
                        return ChildLauncher.run(run, timeout, logLimit);
                    } finally {
                        slot.close();
                        if (run.index() == 1) {
                            // Releases later runs waiting to write their snapshot after run 1's (FirstRunBarrier).
                            FirstRunBarrier.markExited(run.files());
                        }
                    }
                }));
            }
            for (Future<ChildOutcome> f : futures) {
                try {
                    outcomes.add(f.get());
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof RuntimeException re) {
                        throw re;
                    }
                    if (cause instanceof Error err) {
                        throw err;
                    }
                    throw new IllegalStateException(cause);
                }
            }
            writePreviousRunDiffs(plan, outcomes);
            return outcomes;
        } finally {
            // Interrupts waiting launchers, which kill their process trees before returning.
            boolean interrupted = shutdownAndAwait(pool);
            // Runs that never started give back the slot taken for them (closing is idempotent).
            slots.forEach(ChildSlots.Slot::close);
            if (plan.classArchive() != null) {
                // Publishes the archive run 1 wrote (only after a normal exit) and releases its lock.
                // An interrupt while waiting for the runs leaves fewer outcomes than runs (and clears the flag).
                plan.classArchive().finish(plan.children().get(0), outcomes,
                        !interrupted && outcomes.size() == plan.children().size(), plan.results().childSlots(),
                        parallelChildren, timeout, logLimit);
            }
            ConfinedDelete work = ConfinedDelete.within(plan.results().work());
            for (PlannedChild run : plan.children()) {
                work.deleteTreeQuietly(run.files().tmp());
                if (run.freshWorkingDirectory()) {
                    // Refuses (and fails the test) rather than delete a working directory repro4j did not make.
                    work.deleteTreeQuietly(run.workingDirectory());
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Shuts {@code pool} down now (interrupting its tasks) and waits until every task has ended, however long
     * that takes; an interrupt of the calling thread does not cut the wait short.
     *
     * @return whether the calling thread was interrupted while it waited (the caller restores the flag when it is
     *     done cleaning up)
     */
    static boolean shutdownAndAwait(ExecutorService pool) {
        pool.shutdownNow();
        boolean interrupted = false;
        while (true) {
            try {
                if (pool.awaitTermination(1, TimeUnit.MINUTES)) {
                    return interrupted;
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
    }

    /**
     * Writes each run's {@code diff_prev.json}, run 1 first, which the children leave out: comparing with the other
     * snapshots of the results root costs this warm JVM little and a fresh child JVM tens of milliseconds. Every run
     * wrote its snapshot after run 1's (the first-run barrier), so the comparison is the one the child would have
     * made. A snapshot that cannot be read is left as it is: the verdict names the problem.
     */
    static void writePreviousRunDiffs(ForkPlan plan, List<ChildOutcome> outcomes) {
        for (ChildOutcome outcome : outcomes) {
            String cohort = outcome.result() == null ? null : outcome.result().cohortDir();
            if (cohort == null || !Files.isRegularFile(Path.of(cohort).resolve(Snapshot.FILE_NAME))) {
                continue;
            }
            try {
                DiffPrev.write(plan.results().root(), Path.of(cohort));
            } catch (Repro4jException unreadable) {
                // reported by the verdict, which reads the same snapshot
            }
        }
    }

    /** Removes what an earlier execution of the same test left, then creates each run's directories. */
    static void prepare(ForkPlan plan) {
        try {
            ConfinedDelete.within(plan.results().work()).deleteTree(plan.workRoot());
            Path runsDir = plan.results().runs();
            if (Files.isDirectory(runsDir)) {
                ConfinedDelete runs = ConfinedDelete.within(runsDir);
                try (DirectoryStream<Path> stale = Files.newDirectoryStream(runsDir,
                        ResultsLayout.runNameGlob(plan.testKey()))) {
                    for (Path p : stale) {
                        runs.deleteTree(p);
                    }
                }
            }
            for (PlannedChild run : plan.children()) {
                Files.createDirectories(run.files().tmp());
                Files.createDirectories(run.workingDirectory());
                ReplayScript.write(run);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare " + plan.workRoot() + ": " + e.getMessage(), e);
        }
    }
}
