package io.repro4j.junit.internal.protocol;

import io.repro4j.harness.Repro4jException;
import io.repro4j.harness.results.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * What one child JVM reports back: how its test invocation ended, where its snapshot is, and timings.
 *
 * @param status how the invocation ended
 * @param failure the failure, or {@code null} on success
 * @param cohortDir the cohort directory of the written snapshot, or {@code null}
 * @param ledgerSize how many estimators went through the choke point during the body
 * @param recorded true when the body recorded metrics, predictions or a dataset
 * @param bodyElapsedMs how long the test body ran
 * @param startToBodyMs from the parent spawning this JVM (its start instant when unknown) to the body starting
 * @param bodyStartedAtEpochMs when the body started (wall clock)
 * @param context what the run recorded in {@code run_context}
 * @param phasesMs where the child's start-up time went: {@code jvm_to_main}, {@code main_to_checked} (request,
 *     config, strict check), {@code checked_to_body} (JUnit discovery, class loading, lifecycle methods), {@code body},
 *     {@code snapshot_write} (after the body)
 * @param phasesCpuMs CPU time of the whole child process (every thread: JIT, GC, class loading) in the same phases;
 *     unlike wall time it does not grow when other processes compete for the cores
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public record ChildResult(Status status, Failure failure, String cohortDir, int ledgerSize, boolean recorded,
        long bodyElapsedMs, long startToBodyMs, long bodyStartedAtEpochMs, Map<String, Object> context,
        Map<String, Long> phasesMs, Map<String, Long> phasesCpuMs) {

    /** How a child's test invocation ended. */
    public enum Status {
        /** The body ran, trained through the choke point, recorded, and the snapshot was written. */
        SUCCESSFUL,
        /** The test (body, lifecycle method, strict check, snapshot writing) failed. */
        FAILED,
        /** An assumption aborted the test. */
        ABORTED,
        /** The test invocation was not found or not executed. */
        NOT_RUN
    }

    /**
     * The result in {@code file}, or {@code null} when there is none yet or it cannot be read (results are written
     * atomically, so an unreadable one is not a child's; the caller treats it as missing).
     */
    public static ChildResult readIfPresent(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return Json.read(file, ChildResult.class, "child result");
        } catch (Repro4jException e) {
            return null;
        }
    }

    /**
     * A throwable carried across the process boundary.
     *
     * @param className the throwable's class
     * @param message its message, or {@code null}
     * @param stack its frames
     * @param cause its cause, or {@code null}
     */
    public record Failure(String className, String message, List<Frame> stack, Failure cause) {

        /** Captures {@code t} and its causes (at most 8 deep). */
        public static Failure of(Throwable t) {
            return of(t, 0);
        }

        private static Failure of(Throwable t, int depth) {
            List<Frame> frames = new ArrayList<>();
            for (StackTraceElement e : t.getStackTrace()) {
                frames.add(new Frame(e.getClassName(), e.getMethodName(), e.getFileName(), e.getLineNumber()));
            }
            Failure cause = t.getCause() != null && t.getCause() != t && depth < 8 ? of(t.getCause(), depth + 1) : null;
            return new Failure(t.getClass().getName(), t.getMessage(), frames, cause);
        }

        /** {@code ClassName: message}. */
        public String headline() {
            return message == null ? className : className + ": " + message;
        }

        /** A throwable that prints like the original, with its frames. */
        public Throwable toThrowable() {
            RemoteFailure out = new RemoteFailure(this, cause == null ? null : cause.toThrowable());
            StackTraceElement[] elements = new StackTraceElement[stack == null ? 0 : stack.size()];
            for (int i = 0; i < elements.length; i++) {
                Frame f = stack.get(i);
                elements[i] = new StackTraceElement(f.className(), f.methodName(), f.fileName(), f.lineNumber());
            }
            out.setStackTrace(elements);
            return out;
        }
    }

    /** One stack frame. */
    public record Frame(String className, String methodName, String fileName, int lineNumber) {
    }

    /** A failure that happened in a child JVM, shown with its original class name. */
    public static final class RemoteFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String originalClass;

        RemoteFailure(Failure failure, Throwable cause) {
            super(failure.message(), cause, false, true);
            this.originalClass = failure.className();
        }

        @Override
        public String toString() {
            String message = getLocalizedMessage();
            return message == null ? originalClass : originalClass + ": " + message;
        }
    }
}
