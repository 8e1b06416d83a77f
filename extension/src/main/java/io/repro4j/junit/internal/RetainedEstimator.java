package io.repro4j.junit.internal;

import io.repro4j.harness.Dataset;
import io.repro4j.harness.Estimator;
import io.repro4j.harness.Library;
import java.util.Map;

/**
 * Wraps each estimator a child builds so that its model digest and importances survive {@link #close()}: tests close
 * models in try-with-resources before the snapshot is written, and the snapshot still needs {@code model_sha256}.
 */
final class RetainedEstimator implements Estimator {
    private final Estimator delegate;
    private volatile boolean closed;
    private volatile String modelSha256;
    private volatile Map<String, Double> importances;

    RetainedEstimator(Estimator delegate) {
        this.delegate = delegate;
    }

    @Override
    public void fit(Dataset data) {
        delegate.fit(data);
    }

    @Override
    public double[] predict(Dataset data) {
        return delegate.predict(data);
    }

    @Override
    public Map<String, Double> featureImportances() {
        return closed && importances != null ? importances : delegate.featureImportances();
    }

    @Override
    public String modelSha256() {
        return closed && modelSha256 != null ? modelSha256 : delegate.modelSha256();
    }

    @Override
    public Map<String, Object> effectiveParams() {
        return delegate.effectiveParams();
    }

    @Override
    public Library library() {
        return delegate.library();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        try {
            modelSha256 = delegate.modelSha256();
            importances = Map.copyOf(delegate.featureImportances());
        } catch (RuntimeException notTrained) {
            // Nothing to keep: the snapshot records the model as untrained, as it would have without the wrapper.
        }
        closed = true;
        delegate.close();
    }

    @Override
    public String toString() {
        return delegate.toString();
    }
}
