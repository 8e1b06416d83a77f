package io.repro4j.harness.strict;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starts real child JVMs and proves that {@link StrictEnvironment#check} sees their real environment. */
class StrictEnvironmentIT {

    @TempDir
    Path tmp;

    private record Child(int exitCode, String stdout, String stderr) {
    }

    private Child startChild(Map<String, String> env, List<String> jvmFlags, String... args)
            throws IOException, InterruptedException {
        Path childTmp = Files.createDirectories(tmp.resolve("child-tmp"));
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xmx256m",
                "-Djava.io.tmpdir=" + childTmp));
        command.addAll(jvmFlags);
        command.addAll(List.of("-cp",
                System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                StrictCheckChild.class.getName()));
        command.addAll(List.of(args));
        Path out = tmp.resolve("stdout.txt");
        Path err = tmp.resolve("stderr.txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(tmp.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().clear();
        builder.environment().putAll(env);
        int code = builder.start().waitFor();
        return new Child(code, Files.readString(out), Files.readString(err));
    }

    private static Map<String, String> strictEnv() {
        return new HashMap<>(StrictEnvironment.childEnvironment(System.getenv(), 42));
    }

    @Test
    void passesWithTheStrictVariablesAndFlags() throws Exception {
        Child child = startChild(strictEnv(), StrictEnvironment.jvmFlags());

        assertThat(child.exitCode()).as(child.stderr()).isZero();
        assertThat(child.stdout()).contains("strict environment ok");
    }

    @Test
    void failsNamingOmpNumThreadsWhenItIsFour() throws Exception {
        Map<String, String> env = strictEnv();
        env.put("OMP_NUM_THREADS", "4");

        Child child = startChild(env, StrictEnvironment.jvmFlags());

        assertThat(child.exitCode()).as(child.stdout()).isEqualTo(StrictCheckChild.REFUSED);
        assertThat(child.stderr()).contains("1 problem:").contains("OMP_NUM_THREADS=4")
                .contains("bin/run-deterministic");
    }

    @Test
    void failsNamingTheJvmFlagsWhenStartedWithoutThem() throws Exception {
        Map<String, String> env = strictEnv();
        env.put("TZ", "Europe/Paris"); // the JVM derives user.timezone from TZ when no flag pins it

        Child child = startChild(env, List.of());

        assertThat(child.exitCode()).as(child.stdout()).isEqualTo(StrictCheckChild.REFUSED);
        assertThat(child.stderr()).contains("TZ=Europe/Paris")
                .contains("-Djava.util.concurrent.ForkJoinPool.common.parallelism=1");
    }

    @Test
    void failsNamingXGBoostWhenItsNativeLibraryWasLoadedBeforeTheCheck() throws Exception {
        Child child = startChild(strictEnv(), StrictEnvironment.jvmFlags(), "load-xgboost-first");

        assertThat(child.exitCode()).as(child.stdout() + child.stderr()).isEqualTo(StrictCheckChild.REFUSED);
        assertThat(child.stderr()).containsPattern("native library libxgboost4j\\S*\\.so was loaded before the strict"
                + " check ran");
    }
}
