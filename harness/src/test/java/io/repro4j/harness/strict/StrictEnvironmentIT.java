package io.repro4j.harness.strict;

import static org.assertj.core.api.Assertions.assertThat;

import io.repro4j.harness.testkit.ChildJvm;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starts real child JVMs and proves that {@link StrictEnvironment#check} sees their real environment. */
class StrictEnvironmentIT {

    @TempDir
    Path tmp;

    private ChildJvm.Result startChild(Map<String, String> env, List<String> jvmFlags, String... args)
            throws IOException, InterruptedException {
        return ChildJvm.main(StrictCheckChild.class, args).in(tmp).environment(env).jvmFlags(jvmFlags).run();
    }

    private static Map<String, String> strictEnv() {
        return new HashMap<>(StrictEnvironment.childEnvironment(System.getenv(), 42));
    }

    @Test
    void passesWithTheStrictVariablesAndFlags() throws Exception {
        ChildJvm.Result child = startChild(strictEnv(), StrictEnvironment.jvmFlags());

        assertThat(child.exitCode()).as(child.stderr()).isZero();
        assertThat(child.stdout()).contains("strict environment ok");
    }

    @Test
    void failsNamingOmpNumThreadsWhenItIsFour() throws Exception {
        Map<String, String> env = strictEnv();
        env.put("OMP_NUM_THREADS", "4");

        ChildJvm.Result child = startChild(env, StrictEnvironment.jvmFlags());

        assertThat(child.exitCode()).as(child.stdout()).isEqualTo(StrictCheckChild.REFUSED);
        assertThat(child.stderr()).contains("1 problem:").contains("OMP_NUM_THREADS=4")
                .contains("bin/run-deterministic");
    }

    @Test
    void failsNamingTheJvmFlagsWhenStartedWithoutThem() throws Exception {
        Map<String, String> env = strictEnv();
        env.put("TZ", "Europe/Paris"); // the JVM derives user.timezone from TZ when no flag pins it

        ChildJvm.Result child = startChild(env, List.of());

        assertThat(child.exitCode()).as(child.stdout()).isEqualTo(StrictCheckChild.REFUSED);
        assertThat(child.stderr()).contains("TZ=Europe/Paris")
                .contains("-Djava.util.concurrent.ForkJoinPool.common.parallelism=1");
    }

    @Test
    void failsNamingXGBoostWhenItsNativeLibraryWasLoadedBeforeTheCheck() throws Exception {
        ChildJvm.Result child = startChild(strictEnv(), StrictEnvironment.jvmFlags(), "load-xgboost-first");

        assertThat(child.exitCode()).as(child.stdout() + child.stderr()).isEqualTo(StrictCheckChild.REFUSED);
        assertThat(child.stderr()).containsPattern("native library libxgboost4j\\S*\\.so was loaded before the strict"
                + " check ran");
    }
}
