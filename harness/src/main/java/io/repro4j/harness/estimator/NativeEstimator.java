package io.repro4j.harness.estimator;

import io.repro4j.harness.Dataset;
import io.repro4j.harness.Estimator;
import io.repro4j.harness.Library;
import io.repro4j.harness.ProblemKind;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The life cycle both library adapters share: a native model that {@code fit} replaces and {@code close} frees, and
 * what training produced (feature names, model digest, importances), which outlives {@code close()} because snapshots
 * are often written after a try-with-resources block has ended. Subclasses synchronise on {@code this}, as this class
 * does.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public abstract class NativeEstimator implements Estimator {
    private final Library library;
    private final String libraryName;
    private final Map<String, Object> effectiveParams;
    private final int rounds;
    private final ProblemKind kind;
    private List<String> featureNames;
    private String modelSha256;
    private Map<String, Double> importances;
    private boolean closed;

    /**
     * @param effectiveParams the policy's parameters, including the round count
     * @param rounds the number of boosting rounds
     * @param kind what the model learns
     */
    protected NativeEstimator(Library library, Map<String, Object> effectiveParams, int rounds, ProblemKind kind) {
        this.library = library;
        this.libraryName = ParamAliases.libraryName(library);
        this.effectiveParams = Objects.requireNonNull(effectiveParams, "effectiveParams");
        this.rounds = rounds;
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    /** The number of boosting rounds {@code fit} runs. */
    protected final int rounds() {
        return rounds;
    }

    /** What the model learns. */
    protected final ProblemKind kind() {
        return kind;
    }

    @Override
    public final Map<String, Object> effectiveParams() {
        return effectiveParams;
    }

    @Override
    public final Library library() {
        return library;
    }

    /** True while a native model is held. */
    protected abstract boolean hasModel();

    /** Frees the native model, if one is held. */
    protected abstract void freeModel();

    /** Records what a successful {@code fit} produced. */
    protected final void trained(List<String> names, String sha256, Map<String, Double> gains) {
        featureNames = names;
        modelSha256 = sha256;
        importances = gains;
    }

    /** Frees the current model and forgets its digest and importances, before training anew or after a failure. */
    protected final void discardModel() {
        freeModel();
        modelSha256 = null;
        importances = null;
    }

    @Override
    public final synchronized Map<String, Double> featureImportances() {
        if (closed && importances != null) {
            return importances;
        }
        checkTrained("featureImportances");
        return importances;
    }

    @Override
    public final synchronized String modelSha256() {
        if (closed && modelSha256 != null) {
            return modelSha256;
        }
        checkTrained("modelSha256");
        return modelSha256;
    }

    /** Frees the native model but keeps its digest and importances. */
    @Override
    public final synchronized void close() {
        freeModel();
        closed = true;
    }

    /**
     * What every {@code fit} does first: refuses a closed estimator and an empty dataset, then frees the previous model.
     */
    protected final void startFit(Dataset data) {
        checkOpen();
        Objects.requireNonNull(data, "data");
        if (data.rows() == 0) {
            throw new IllegalArgumentException("cannot fit " + (libraryName.startsWith("X") ? "an " : "a ")
                    + libraryName + " " + kind + " model on a dataset with no rows");
        }
        discardModel();
    }

    protected final void checkOpen() {
        if (closed) {
            throw new IllegalStateException("this " + libraryName + " estimator was closed; create a new one");
        }
    }

    protected final void checkTrained(String call) {
        checkOpen();
        if (!hasModel()) {
            throw new IllegalStateException(call + "() needs a trained model: call fit(dataset) on this " + libraryName
                    + " estimator first");
        }
    }

    protected final void checkColumns(Dataset data) {
        if (data.columns() != featureNames.size()) {
            throw new IllegalArgumentException("this model was trained on " + featureNames.size()
                    + " features but the dataset has " + data.columns());
        }
    }
}
