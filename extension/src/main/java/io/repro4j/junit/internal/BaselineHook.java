package io.repro4j.junit.internal;

import java.util.ServiceLoader;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Called once the runs of a test agree, before the test passes: the place to compare against stored baselines.
 * Throwing fails the test with that exception. Implementations are found with {@link ServiceLoader}
 * ({@code META-INF/services/io.repro4j.junit.internal.BaselineHook}); without one, nothing happens.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public interface BaselineHook {

    /** Does nothing. */
    BaselineHook NONE = (context, verdict) -> { };

    /** Sees a {@link Verdict.Kind#REPRODUCIBLE} verdict; its verdict file is already written. */
    void afterReproducibleVerdict(ExtensionContext context, Verdict verdict) throws Exception;

    /** The installed hook: the first one {@link ServiceLoader} finds, else {@link #NONE}. */
    static BaselineHook installed() {
        return ServiceLoader.load(BaselineHook.class, BaselineHook.class.getClassLoader()).findFirst().orElse(NONE);
    }
}
