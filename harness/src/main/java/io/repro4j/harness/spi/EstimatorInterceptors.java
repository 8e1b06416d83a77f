package io.repro4j.harness.spi;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apiguardian.api.API;

/** The interceptors currently installed in this JVM, applied in installation order. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class EstimatorInterceptors {
    private static final List<EstimatorInterceptor> INSTALLED = new CopyOnWriteArrayList<>();

    private EstimatorInterceptors() {
    }

    /** Installs {@code interceptor}; closing the returned handle removes it again. */
    public static AutoCloseableInstallation install(EstimatorInterceptor interceptor) {
        INSTALLED.add(interceptor);
        return () -> INSTALLED.remove(interceptor);
    }

    /** A snapshot of the installed interceptors. */
    public static List<EstimatorInterceptor> installed() {
        return List.copyOf(INSTALLED);
    }

    /** Handle returned by {@link #install}; {@link #close()} uninstalls and never throws. */
    @FunctionalInterface
    public interface AutoCloseableInstallation extends AutoCloseable {
        @Override
        void close();
    }
}
