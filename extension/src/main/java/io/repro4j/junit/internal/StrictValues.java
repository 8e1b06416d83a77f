package io.repro4j.junit.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The strict environment as DESIGN.md fixes it; delegates to the harness's {@code StrictEnvironment} once present. */
final class StrictValues {
    private StrictValues() {
    }

    static List<String> environmentAllowList() {
        return List.of("PATH", "HOME", "USER", "LOGNAME", "JAVA_HOME", "LD_LIBRARY_PATH", "SYSTEMROOT", "WINDIR");
    }

    static Map<String, String> variables(long seed) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("OMP_NUM_THREADS", "1");
        env.put("OPENBLAS_NUM_THREADS", "1");
        env.put("MKL_NUM_THREADS", "1");
        env.put("VECLIB_MAXIMUM_THREADS", "1");
        env.put("NUMEXPR_NUM_THREADS", "1");
        env.put("MKL_THREADING_LAYER", "GNU");
        env.put("MKL_CBWR", "COMPATIBLE");
        env.put("CUBLAS_WORKSPACE_CONFIG", ":4096:8");
        env.put("CUDA_VISIBLE_DEVICES", "");
        env.put("REPRO_MODE", "strict");
        env.put("REPRO_SEED", String.valueOf(seed));
        env.put("TZ", "UTC");
        env.put("LC_ALL", "C.UTF-8");
        return env;
    }

    static List<String> jvmFlags() {
        return List.of("-Duser.timezone=UTC", "-Duser.language=en", "-Duser.country=US", "-Dfile.encoding=UTF-8",
                "-Djava.util.concurrent.ForkJoinPool.common.parallelism=1");
    }
}
