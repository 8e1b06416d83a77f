package io.repro4j.harness.estimator;

import static org.assertj.core.api.Assertions.assertThat;

import io.repro4j.harness.fingerprint.Sha256;
import io.repro4j.harness.testkit.ChildJvm;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shared native-library copies under a results root, with the real XGBoost4J and LightGBM jars: prepared once and
 * verified, reused by other JVMs, replaced when wrong, and loaded by a fresh JVM only while unchanged, so that neither
 * repro4j nor XGBoost4J's own loader extracts anything into the JVM's temp directory. Also run with the oldest
 * supported XGBoost4J (the {@code xgboost4j-oldest} execution), whose loader the preload must mark as done too.
 */
class SharedNativeLibrariesIT {

    private static final List<String> LIBRARIES = List.of("lib_lightgbm.so", "lib_lightgbm_swig.so", "libxgboost4j.so");

    @TempDir
    Path dir;

    private Path natives;

    @BeforeEach
    void freshJvmView() {
        natives = dir.resolve("natives");
        SharedNativeLibraries.forgetVerified();
    }

    @Test
    void preparesOneReadOnlyCopyOfEachBundledLibraryWithTheJarsDigest() throws IOException {
        Map<String, String> prepared = SharedNativeLibraries.prepare(natives);

        assertThat(prepared).containsOnlyKeys(LIBRARIES);
        for (String name : LIBRARIES) {
            SharedNativeLibraries.Copy copy = SharedNativeLibraries.Copy.decode(prepared.get(name));
            assertThat(copy.file()).startsWith(natives).hasFileName(name);
            assertThat(copy.file().getParent().getFileName().toString()).isEqualTo(copy.sha256().substring(0, 16));
            assertThat(sha256(copy.file())).as("digest of %s", copy.file()).isEqualTo(copy.sha256())
                    .isEqualTo(NativeLibraries.resourceDigest(resourceOf(name)));
            assertThat(Files.getPosixFilePermissions(copy.file())).isEqualTo(PosixFilePermissions.fromString("r-xr-xr-x"));
            assertThat(copy.unchanged()).isTrue();
        }
        assertThat(SharedNativeLibraries.prepare(natives)).as("a second prepare in the same JVM").isEqualTo(prepared);
        assertThat(tempFiles()).isEmpty();
    }

    @Test
    void jvmsPreparingTheSameFolderAtOnceShareOneCopy() throws Exception {
        List<ChildJvm.Started> started = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            started.add(ChildJvm.main(SharedNativeProbe.class, "prepare", natives.toString()).in(dir)
                    .named("prepare-" + i).start());
        }
        List<List<String>> outputs = new ArrayList<>();
        for (ChildJvm.Started s : started) {
            ChildJvm.Result r = s.await();
            assertThat(r.exitCode()).as(r.output()).isZero();
            outputs.add(r.lines());
        }

        assertThat(outputs.get(0)).hasSize(LIBRARIES.size());
        assertThat(outputs).as("the same files (same file keys) in every JVM").containsOnly(outputs.get(0));
        assertThat(SharedNativeLibraries.prepare(natives).values()).as("this JVM verifies and reuses them")
                .containsExactlyInAnyOrderElementsOf(outputs.get(0).stream().map(l -> l.substring(l.indexOf('=') + 1)).toList());
        assertThat(tempFiles()).isEmpty();
    }

    @Test
    void aCopyWhoseBytesChangedIsReplacedByTheJarsOwn() throws IOException {
        SharedNativeLibraries.Copy before = copy(SharedNativeLibraries.prepare(natives), "libxgboost4j.so");
        tamper(before.file());
        SharedNativeLibraries.forgetVerified(); // another test JVM, which has not verified it yet

        SharedNativeLibraries.Copy after = copy(SharedNativeLibraries.prepare(natives), "libxgboost4j.so");

        assertThat(after.file()).isEqualTo(before.file());
        assertThat(after).as("a new file (its inode number may be reused)").isNotEqualTo(before);
        assertThat(after.changedNanos()).isGreaterThan(before.changedNanos());
        assertThat(sha256(after.file())).isEqualTo(before.sha256());
    }

    @Test
    void aChildLoadsTheSharedCopiesAndExtractsNothing() throws Exception {
        Map<String, String> prepared = SharedNativeLibraries.prepare(natives);

        ChildJvm.Result r = probe(prepared);

        assertThat(mapped(r)).as(r.output()).containsExactlyInAnyOrderElementsOf(
                LIBRARIES.stream().map(name -> copy(prepared, name).file().toString()).toList());
        assertThat(r.lines()).as("libraries in the child's temp directory").noneMatch(l -> l.startsWith("tmp "));
        assertThat(r.stderr()).doesNotContain("[repro4j]");
        assertDigestsOfTheJars(r);
    }

    @Test
    void aChildDoesNotLoadACopyThatChangedAfterItWasVerified() throws Exception {
        Map<String, String> prepared = SharedNativeLibraries.prepare(natives);
        tamper(copy(prepared, "libxgboost4j.so").file());
        tamper(copy(prepared, "lib_lightgbm.so").file());

        ChildJvm.Result r = probe(prepared);

        assertThat(mapped(r)).as(r.output()).noneMatch(path -> path.startsWith(natives.toString()))
                .hasSize(LIBRARIES.size());
        assertThat(r.lines()).as("private copies in the child's temp directory").anyMatch(l -> l.startsWith("tmp ")
                && l.contains("xgboost4j")).anyMatch(l -> l.startsWith("tmp ") && l.contains("lib_lightgbm.so"));
        assertThat(r.stderr()).contains("[repro4j] not loading the shared " + copy(prepared, "libxgboost4j.so").file())
                .contains("[repro4j] not loading the shared " + copy(prepared, "lib_lightgbm.so").file());
        assertDigestsOfTheJars(r);
    }

    @Test
    void withoutSharedCopiesAChildExtractsItsOwnAsBefore() throws Exception {
        ChildJvm.Result r = probe(Map.of());

        assertThat(mapped(r)).as(r.output()).hasSize(LIBRARIES.size())
                .noneMatch(path -> path.startsWith(natives.toString()));
        assertThat(r.stderr()).doesNotContain("[repro4j]");
        assertDigestsOfTheJars(r);
    }

    /** A fresh JVM given the parent's known digests and {@code copies}, as a child JVM gets them. */
    private ChildJvm.Result probe(Map<String, String> copies) throws Exception {
        Properties p = new Properties();
        NativeLibraries.bundledLibraryDigests().forEach((key, value) -> p.setProperty("digest." + key, value));
        copies.forEach((name, copy) -> p.setProperty("copy." + name, copy));
        Path file = dir.resolve("probe.properties");
        try (OutputStream out = Files.newOutputStream(file)) {
            p.store(out, null);
        }
        ChildJvm.Result r = ChildJvm.main(SharedNativeProbe.class, "load", file.toString()).in(dir).named("probe").run();
        assertThat(r.exitCode()).as(r.output()).isZero();
        return r;
    }

    private static List<String> mapped(ChildJvm.Result r) {
        return r.lines().stream().filter(l -> l.startsWith("mapped ")).map(l -> l.substring("mapped ".length()))
                .distinct().toList();
    }

    private static void assertDigestsOfTheJars(ChildJvm.Result r) {
        Map<String, String> digests = new LinkedHashMap<>();
        r.lines().stream().filter(l -> l.startsWith("digest ")).forEach(l ->
                digests.put(l.substring("digest ".length(), l.indexOf('=')), l.substring(l.indexOf('=') + 1)));
        Map<String, String> expected = new LinkedHashMap<>();
        LIBRARIES.forEach(name -> expected.put(name, NativeLibraries.resourceDigest(resourceOf(name))));
        assertThat(digests).as("the environment fingerprint's digests").isEqualTo(expected);
    }

    private static SharedNativeLibraries.Copy copy(Map<String, String> prepared, String name) {
        return SharedNativeLibraries.Copy.decode(prepared.get(name));
    }

    private static String resourceOf(String name) {
        return name.equals("libxgboost4j.so") ? "lib/linux/x86_64/libxgboost4j.so"
                : "com/microsoft/ml/lightgbm/linux/x86_64/" + name;
    }

    /** Flips one byte in the middle, keeping the size and the modification time. */
    private static void tamper(Path file) throws IOException {
        FileTime modified = Files.getLastModifiedTime(file);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long at = channel.size() / 2;
            ByteBuffer b = ByteBuffer.allocate(1);
            channel.read(b, at);
            b.put(0, (byte) (b.get(0) ^ 0x5a)).rewind();
            channel.write(b, at);
        }
        Files.setLastModifiedTime(file, modified);
    }

    private List<Path> tempFiles() throws IOException {
        try (Stream<Path> files = Files.walk(natives)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList();
        }
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return Sha256.hex(in);
        }
    }
}
