package io.repro4j.junit.internal.baseline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * Compares a reproducible test's fingerprints with its committed baseline, or writes the baseline, per the mode.
 *
 * <p>A moved fingerprint is judged together with the environment: if nothing that can move a single-threaded CPU
 * training changed ({@link EnvironmentDrift}), the change is in code, data or config and the gate fails on any
 * machine; if such a thing changed too, the likely cause is environment drift ({@code repro4j.baseline.onDrift}).
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class BaselineGate {

    private static final String UPDATE_HINT = "mvn verify -D" + BaselineSettings.MODE + "=update";

    private BaselineGate() {
    }

    /** Applies {@code settings} to {@code subject}; writes the baseline file in update mode or when it is missing. */
    public static BaselineOutcome check(BaselineSettings settings, BaselineSubject subject) {
        Path file = settings.fileFor(subject.testKey());
        Baseline current = new Baseline(subject.testId(), subject.fingerprints(), subject.environment());
        return switch (settings.mode()) {
            case OFF -> BaselineOutcome.of(BaselineStatus.OFF, file, "Baselines are off (" + BaselineSettings.MODE
                    + "=off).");
            case UPDATE -> write(file, current)
                    ? BaselineOutcome.of(BaselineStatus.UPDATED, file,
                            "Baseline " + file + " updated: review and commit it.")
                    : BaselineOutcome.of(BaselineStatus.UNCHANGED, file, "Baseline " + file + " already up to date.");
            case VERIFY -> verify(settings, subject, file, current);
        };
    }

    private static BaselineOutcome verify(BaselineSettings settings, BaselineSubject subject, Path file,
                                          Baseline current) {
        if (!Files.exists(file)) {
            if (settings.ci()) {
                return BaselineOutcome.of(BaselineStatus.MISSING, file, "No baseline for " + subject.testId()
                        + " at " + file + ", and CI is set, so it is not created here. Create it locally with "
                        + UPDATE_HINT + " (or any run without CI), then commit " + file + ".");
            }
            write(file, current);
            return BaselineOutcome.of(BaselineStatus.CREATED, file, "Baseline created at " + file
                    + ": review and commit it.");
        }
        Baseline baseline;
        try {
            baseline = BaselineFile.read(file);
        } catch (CorruptBaselineException e) {
            return BaselineOutcome.of(BaselineStatus.CORRUPT, file, e.getMessage() + ". It was left untouched: "
                    + "fix it, or record it again with " + UPDATE_HINT + ".");
        }
        List<FingerprintChange> changes = compare(baseline.fingerprints(), subject.fingerprints());
        List<EnvironmentChange> environment = EnvironmentDrift.between(baseline.environment(), subject.environment(),
                subject.libraries());
        List<EnvironmentChange> canMove = environment.stream().filter(EnvironmentChange::canMoveFingerprints).toList();
        String environmentLine = environment.isEmpty() ? ""
                : "Environment changed: " + environment.stream().map(EnvironmentChange::toString)
                        .collect(Collectors.joining(", ")) + ".";
        if (changes.isEmpty()) {
            return environment.isEmpty()
                    ? BaselineOutcome.of(BaselineStatus.MATCHED, file, "Fingerprints match the baseline " + file + ".")
                    : new BaselineOutcome(BaselineStatus.ENVIRONMENT_CHANGED, file, "Fingerprints match the baseline "
                            + file + ". " + environmentLine, changes, environment);
        }
        StringBuilder message = new StringBuilder("Fingerprints differ from the baseline ").append(file).append(':');
        for (FingerprintChange change : changes) {
            message.append("\n  ").append(change);
        }
        message.append('\n');
        BaselineStatus status;
        if (environment.isEmpty()) {
            status = BaselineStatus.DIFFERS;
            message.append("Environment identical: the change is in code, data or config.");
        } else if (canMove.isEmpty()) {
            // Another CPU or core count cannot move a one-thread CPU training: the gate stays armed on any machine.
            status = BaselineStatus.DIFFERS;
            message.append(environmentLine.replace("Environment changed", "environment changed"))
                    .append("\nNone of these can move the fingerprints of a single-threaded CPU training (only the"
                            + " JDK, the OS and architecture, repro4j and the trained libraries' versions and native"
                            + " builds can): the change is in code, data or config.");
        } else {
            status = settings.onDrift() == DriftPolicy.WARN ? BaselineStatus.DRIFT_WARNED : BaselineStatus.DRIFT;
            message.append("environment changed: ").append(canMove.stream().map(EnvironmentChange::toString)
                    .collect(Collectors.joining(", "))).append('.');
            List<EnvironmentChange> others = environment.stream().filter(c -> !c.canMoveFingerprints()).toList();
            if (!others.isEmpty()) {
                message.append(" Also changed, but cannot move fingerprints: ").append(others.stream()
                        .map(EnvironmentChange::toString).collect(Collectors.joining(", "))).append('.');
            }
            message.append("\nFingerprints moved and the environment changed in what can move them: likely"
                    + " environment drift, not a code change.");
            if (status == BaselineStatus.DRIFT) {
                message.append(" To accept drift with a warning, set ").append(BaselineSettings.ON_DRIFT)
                        .append("=warn.");
            }
        }
        if (status.isFailure()) {
            message.append("\nIf the new fingerprints are intended, run ").append(UPDATE_HINT)
                    .append(" and commit ").append(file).append('.');
        }
        return new BaselineOutcome(status, file, message.toString(), changes, environment);
    }

    /**
     * The reference's signature of every library's version on the class path. It stays in snapshots, but the gate
     * judges versions through the environment instead, and only those of the libraries the test trained with: bumping
     * XGBoost must not fail a LightGBM model's baseline.
     */
    static final String ALL_LIBRARIES_SIGNATURE = "comparison_group.library_versions_signature";

    /**
     * Fields whose values differ, in this run's order, then fields only the baseline has; the signature of all
     * libraries' versions is left to the environment comparison.
     */
    static List<FingerprintChange> compare(ObjectNode baseline, ObjectNode actual) {
        Set<String> fields = new LinkedHashSet<>();
        actual.fieldNames().forEachRemaining(fields::add);
        baseline.fieldNames().forEachRemaining(fields::add);
        fields.remove(ALL_LIBRARIES_SIGNATURE);
        List<FingerprintChange> changes = new ArrayList<>();
        for (String field : fields) {
            String was = text(baseline.get(field));
            String now = text(actual.get(field));
            if (!Objects.equals(was, now)) {
                changes.add(new FingerprintChange(field, was, now));
            }
        }
        return changes;
    }

    // Compares as JSON text: a long read back from a file is an IntNode, the same value built in memory a LongNode.
    private static String text(JsonNode node) {
        if (node == null) {
            return null;
        }
        return node.isTextual() ? node.textValue() : node.toString();
    }

    private static boolean write(Path file, Baseline baseline) {
        try {
            return BaselineFile.write(file, baseline);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write baseline " + file + ": " + e.getMessage(), e);
        }
    }
}
