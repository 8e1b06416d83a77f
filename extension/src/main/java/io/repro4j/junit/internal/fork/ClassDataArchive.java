package io.repro4j.junit.internal.fork;

import io.repro4j.harness.fingerprint.Sha256;
import io.repro4j.harness.results.ConfinedDelete;
import io.repro4j.harness.results.ResultsLayout;
import io.repro4j.junit.internal.protocol.ChildRequest;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.apiguardian.api.API;

/**
 * Application class-data sharing (AppCDS) for child JVMs: every child loads the same ~2,500 classes (JUnit,
 * Jackson, SnakeYAML, the harness), and reading them from a shared archive instead of parsing and verifying them
 * halves a child's start-up CPU time.
 *
 * <p>Java 17 archives classes only from jars and refuses to dump while a non-empty directory precedes a used jar on
 * the class path, so the class files of the class-path directories ({@code target/test-classes}, {@code
 * target/classes}, and a reactor module's {@code target/classes} after the jars under {@code mvn test}) are packed
 * into jars under {@code <results root>/cds/} (named by content hash), each at its directory's place, and the
 * directories move behind every jar, where they still serve resources under their usual {@code file:} URLs. Classes
 * resolve exactly as before; resources too, because this is done only when no resource name is both in a directory
 * and in a jar.
 *
 * <p>Two kinds, by JDK ({@link #kindFor}):
 * <ul>
 *   <li>JDK 17: a dynamic archive. The first planned test whose archive is missing has its run 1 write it at exit
 *       ({@code -XX:ArchiveClassesAtExit}); later children map it ({@code -XX:SharedArchiveFile}).</li>
 *   <li>JDK 25 and newer: the JDK's AOT cache ({@code -XX:AOTCacheOutput}, {@code -XX:AOTCache}), which also keeps
 *       classes linked and initialised: a child starts in about half the time (measured on JDK 25: 1.23 s → 0.51 s
 *       for a small training, whole child). These JDKs refuse an archive whose class path held a non-empty
 *       directory, so it is written by a warm-up child after the first test's runs: a copy of run 1 whose class
 *       path has the directories' other files in one jar instead of the directories, writing its results into a
 *       scratch directory that is deleted afterwards (its verdict means nothing). The test's own children keep the
 *       directories, after every jar, so resources keep their {@code file:} URLs; the JDK accepts entries after the
 *       ones the cache was written with.</li>
 * </ul>
 * Elsewhere (JDK 21: not measured here) children run without an archive.
 *
 * <p>Whoever writes an archive holds a file lock, so that no other JVM writes the same one; it is published by an
 * atomic rename once its writer exited normally. Until then, children run without it. Any failure here means
 * children run without an archive, never that a test fails. Off with {@code repro4j.child.classDataSharing=false}
 * ({@link io.repro4j.junit.ConfigParameter#CLASS_DATA_SHARING}).
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class ClassDataArchive {

    /** Archives this JVM is writing right now (a file lock cannot be taken twice by one JVM). */
    private static final Map<Path, Boolean> WRITING = new ConcurrentHashMap<>();
    /** Numbers the warm-up children's scratch directories of this JVM. */
    private static final AtomicInteger WARM_UPS = new AtomicInteger();
    /**
     * Packed class paths by class path and archive directory, computed once per JVM. Keyed by the directory too,
     * because the packed jars live under one results root, and checked before reuse, because a root can be
     * deleted while the JVM runs (a test's temporary directory).
     */
    private static final Map<List<String>, Layout> LAYOUTS = new ConcurrentHashMap<>();

    /** How the children share class data. */
    enum Kind {
        /** A dynamic archive written by run 1 at exit (JDK 17). */
        DYNAMIC(".jsa"),
        /** The JDK's AOT cache, written by a warm-up child after the first test's runs (JDK 25 and newer). */
        AOT(".aot");

        private final String suffix;

        Kind(String suffix) {
            this.suffix = suffix;
        }
    }

    private final String classpath;
    private final Kind kind;
    private final Path archive;
    private final Path pending;
    private final FileLock lock;

    private ClassDataArchive(String classpath, Kind kind, Path archive, Path pending, FileLock lock) {
        this.classpath = classpath;
        this.kind = kind;
        this.archive = archive;
        this.pending = pending;
        this.lock = lock;
    }

    /** No archive: the original class path, no flags. */
    static ClassDataArchive none(String classpath) {
        return new ClassDataArchive(classpath, null, null, null, null);
    }

    /**
     * Decides how the children of one test use the archive. Never throws: anything unexpected gives {@link #none}.
     *
     * @param jvmFlags the flags every child gets (they are part of the archive's key)
     */
    static ClassDataArchive plan(boolean enabled, ResultsLayout results, String java, String classpath,
            List<String> jvmFlags) {
        Kind kind = kindFor(Runtime.version());
        if (!enabled || kind == null) {
            return none(classpath);
        }
        try {
            Path dir = results.classDataSharing();
            Layout layout = layout(classpath, dir);
            if (layout.classpath == null) {
                return none(classpath);
            }
            StringBuilder key = new StringBuilder();
            key.append(java).append('\n').append(System.getProperty("java.vm.version")).append('\n')
                    .append(String.join(" ", jvmFlags)).append('\n').append(layout.classpath).append('\n');
            for (String entry : layout.classpath.split(File.pathSeparator)) {
                Path p = Path.of(entry);
                if (Files.isRegularFile(p)) {
                    key.append(entry).append(' ').append(Files.size(p)).append(' ')
                            .append(Files.getLastModifiedTime(p).toMillis()).append('\n');
                }
            }
            Path archive = dir.resolve("children-" + Sha256.hex(key.toString()).substring(0, 16) + kind.suffix);
            if (Files.isRegularFile(archive)) {
                return new ClassDataArchive(layout.classpath, kind, archive, null, null);
            }
            if (WRITING.putIfAbsent(archive, Boolean.TRUE) != null) {
                return none(layout.classpath);
            }
            FileLock lock = null;
            try {
                Files.createDirectories(dir);
                FileChannel channel = FileChannel.open(archive.resolveSibling(archive.getFileName() + ".lock"),
                        StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                lock = channel.tryLock();
                if (lock == null) {
                    channel.close();
                } else if (Files.isRegularFile(archive)) {
                    // Another JVM published it between our check and our lock.
                    release(lock);
                    WRITING.remove(archive);
                    return new ClassDataArchive(layout.classpath, kind, archive, null, null);
                }
            } catch (IOException | OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                WRITING.remove(archive);
                return none(layout.classpath);
            }
            Path pending = archive.resolveSibling(archive.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
            Files.deleteIfExists(pending);
            return new ClassDataArchive(layout.classpath, kind, archive, pending, lock);
        } catch (IOException | RuntimeException e) {
            return none(classpath);
        }
    }

    /**
     * How this JDK shares class data with the children, or {@code null} for not at all. JDK 17 maps a dynamic archive
     * (measured: half a child's start-up CPU). JDK 25 rejects a dynamic archive here at every start (the class path
     * keeps its directories for their resources, and the JDK's base archive was dumped without {@code
     * --enable-native-access}, which it reports with {@code [error][cds]} lines in every child's log), but maps an
     * AOT cache written without the directories. JDK 21 is not measured on the machines this is built on.
     */
    static Kind kindFor(Runtime.Version version) {
        if (version.feature() == 17) {
            return Kind.DYNAMIC;
        }
        return version.feature() >= 25 ? Kind.AOT : null;
    }

    /**
     * The class path with its directories packed into jars under {@code dir}, from this JVM's cache when every jar
     * it names is still there. The packing reruns after the directory was deleted: a class path naming jars that
     * no longer exist would start children that cannot load their own main class.
     */
    static Layout layout(String classpath, Path dir) {
        List<String> key = List.of(classpath, dir.toAbsolutePath().normalize().toString());
        return LAYOUTS.compute(key, (k, cached) -> cached != null && cached.intact() ? cached : Layout.of(classpath, dir));
    }

    /** The class path of every child of the test. */
    String classpath() {
        return classpath;
    }

    /** The archive flags of run {@code runIndex}: use it, write it (run 1 of the writing test), or none. */
    List<String> jvmFlags(int runIndex) {
        if (archive == null) {
            return List.of();
        }
        if (pending == null) {
            return List.of((kind == Kind.AOT ? "-XX:AOTCache=" : "-XX:SharedArchiveFile=") + archive);
        }
        return runIndex == 1 && kind == Kind.DYNAMIC ? List.of("-XX:ArchiveClassesAtExit=" + pending) : List.of();
    }

    /**
     * After the children ran: publishes the archive run 1 wrote (JDK 17) or has the warm-up child write it (JDK 25+),
     * only when run 1 exited normally, and releases the lock.
     *
     * @param runOne run 1 as planned, the model of the warm-up child
     * @param allEnded whether every run ended on its own; a warm-up never follows an interrupted execution
     * @param slots where child slots are taken, so that the warm-up counts against the limit too
     */
    void finish(PlannedChild runOne, List<ChildOutcome> outcomes, boolean allEnded, Path slots, int parallelChildren,
            Duration timeout, long logLimit) {
        if (pending == null) {
            return;
        }
        Path scratch = null;
        try {
            boolean ok = outcomes.stream().anyMatch(o -> o.run().index() == 1 && o.exitCode() != null
                    && o.exitCode() == 0);
            if (ok && kind == Kind.AOT && allEnded && !Thread.currentThread().isInterrupted()) {
                scratch = archive.resolveSibling("warm-up-" + ProcessHandle.current().pid() + "-"
                        + WARM_UPS.incrementAndGet());
                warmUp(runOne, scratch, slots, parallelChildren, timeout, logLimit);
            }
            if (ok && Files.isRegularFile(pending) && Files.size(pending) > 0) {
                Files.move(pending, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException ignored) {
            // Children simply run without the archive.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            try {
                Files.deleteIfExists(pending);
                // what the JDK writes next to an AOT cache while it assembles one
                Files.deleteIfExists(pending.resolveSibling(pending.getFileName() + ".config"));
            } catch (IOException ignored) {
                // a stray temp file under target/ is harmless
            }
            if (scratch != null) {
                ConfinedDelete.within(archive.getParent()).deleteTreeQuietly(scratch);
            }
            release(lock);
            WRITING.remove(archive);
        }
    }

    /**
     * Runs run 1 once more with {@code -XX:AOTCacheOutput}, its class path without directories (their other files in
     * one jar at the end) and its files under {@code scratch}; how it ends does not matter, the JDK writes the cache
     * when it exits.
     */
    private void warmUp(PlannedChild runOne, Path scratch, Path slots, int parallelChildren, Duration timeout,
            long logLimit) throws IOException, InterruptedException {
        ResultsLayout.ChildFiles files = new ResultsLayout.ChildFiles(scratch);
        Files.createDirectories(files.tmp());
        ChildRequest request = runOne.request().withOutput(runOne.request().output().replayedInto(scratch));
        String runRequest = runOne.files().request().toString();
        List<String> command = new ArrayList<>();
        List<String> original = runOne.command();
        for (int i = 0; i < original.size(); i++) {
            String arg = original.get(i);
            if (i > 0 && original.get(i - 1).equals("-cp")) {
                command.add(warmUpClasspath(classpath, archive.getParent()));
            } else if (arg.startsWith("-Djava.io.tmpdir=")) {
                command.add("-Djava.io.tmpdir=" + files.tmp());
            } else if (arg.startsWith("-D" + ChildRequest.PROPERTY + "=")) {
                command.add("-D" + ChildRequest.PROPERTY + "=" + files.request());
            } else if (arg.equals(runRequest)) {
                command.add(files.request().toString());
            } else {
                command.add(arg);
            }
            if (i == 0) {
                command.add("-XX:AOTCacheOutput=" + pending);
            }
        }
        PlannedChild warmUp = new PlannedChild(request, files, runOne.workingDirectory(), runOne.environment(),
                List.copyOf(command));
        ChildSlots.Slot slot = ChildSlots.acquire(slots, parallelChildren);
        try {
            ChildLauncher.run(warmUp, timeout, logLimit);
        } finally {
            slot.close();
        }
    }

    /**
     * {@code classpath} (a packed one) without its directories, with their files in one jar at the end, named by
     * content under {@code dir}: what the AOT cache is written with.
     */
    static String warmUpClasspath(String classpath, Path dir) throws IOException {
        List<String> out = new ArrayList<>();
        Map<String, Path> byName = new java.util.TreeMap<>();
        for (String entry : classpath.split(File.pathSeparator)) {
            Path p = Path.of(entry);
            if (!Files.isDirectory(p)) {
                out.add(entry);
                continue;
            }
            try (Stream<Path> walk = Files.walk(p)) {
                for (Path f : (Iterable<Path>) walk.filter(Files::isRegularFile).sorted()::iterator) {
                    String name = p.relativize(f).toString().replace(File.separatorChar, '/');
                    // the first directory that has a name wins, as on the class path
                    if (!name.endsWith(".class")) {
                        byName.putIfAbsent(name, f);
                    }
                }
            }
        }
        if (!byName.isEmpty()) {
            out.add(Layout.pack(byName, dir, "resources-").toString());
        }
        return String.join(File.pathSeparator, out);
    }

    private static void release(FileLock lock) {
        try {
            lock.release();
            lock.channel().close();
        } catch (IOException ignored) {
            // closing the channel releases the lock; the JVM's exit does too
        }
    }

    /** The class path with directories packed into jars, or a {@code null} class path when that is not safe. */
    record Layout(String classpath) {

        /** Whether every jar the packed class path names still exists (directories come and go with the build). */
        boolean intact() {
            if (classpath == null) {
                return true;
            }
            for (String entry : classpath.split(File.pathSeparator)) {
                if (entry.endsWith(".jar") && !Files.isRegularFile(Path.of(entry))) {
                    return false;
                }
            }
            return true;
        }

        static Layout of(String classpath, Path dir) {
            try {
                // Each directory's classes go into a jar at the directory's own place, so every class resolves
                // from the same entry as before; the directories follow all jars, serving their resources.
                List<Path> dirs = new ArrayList<>();
                List<String> jars = new ArrayList<>();
                List<String> out = new ArrayList<>();
                java.util.Set<String> resources = new java.util.HashSet<>();
                for (String entry : classpath.split(File.pathSeparator)) {
                    Path p = Path.of(entry);
                    if (Files.isDirectory(p)) {
                        dirs.add(p);
                        List<Path> classes = new ArrayList<>();
                        try (Stream<Path> files = Files.walk(p)) {
                            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                                String name = p.relativize(f).toString().replace(File.separatorChar, '/');
                                if (name.endsWith(".class")) {
                                    classes.add(f);
                                } else {
                                    resources.add(name); // directories keep their order among themselves
                                }
                            }
                        }
                        if (!classes.isEmpty()) {
                            out.add(pack(p, classes, dir).toString());
                        }
                    } else if (Files.isRegularFile(p)) {
                        jars.add(entry);
                        out.add(entry);
                    }
                    // entries that do not exist contribute nothing
                }
                if (dirs.isEmpty()) {
                    return new Layout(String.join(File.pathSeparator, jars));
                }
                for (String jar : jars) {
                    try (java.util.jar.JarFile jf = new java.util.jar.JarFile(jar, false)) {
                        var en = jf.entries();
                        while (en.hasMoreElements()) {
                            JarEntry e = en.nextElement();
                            // Service files are read through getResources (every copy), so moving the
                            // directory's copy behind the jar's changes no lookup result.
                            if (!e.isDirectory() && resources.contains(e.getName())
                                    && !e.getName().startsWith("META-INF/services/")) {
                                return new Layout(null); // a jar and a directory both have it: order would change
                            }
                        }
                    }
                }
                dirs.forEach(d -> out.add(d.toString()));
                return new Layout(String.join(File.pathSeparator, out));
            } catch (IOException | RuntimeException e) {
                return new Layout(null);
            }
        }

        /** A jar of {@code classes} (relative to {@code root}), named by their content, created once. */
        private static Path pack(Path root, List<Path> classes, Path dir) throws IOException {
            Map<String, Path> byName = new java.util.LinkedHashMap<>();
            for (Path f : classes) {
                byName.put(root.relativize(f).toString().replace(File.separatorChar, '/'), f);
            }
            return pack(byName, dir, "classes-");
        }

        /** A jar of {@code files} by entry name, named {@code prefix} and a hash of their content, created once. */
        static Path pack(Map<String, Path> files, Path dir, String prefix) throws IOException {
            // Streamed twice (hash, then copy) rather than held in memory: resources can be large data files.
            MessageDigest md = Sha256.newDigest();
            for (Map.Entry<String, Path> f : files.entrySet()) {
                md.update(f.getKey().getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
                md.update(Long.toString(Files.size(f.getValue())).getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
                try (InputStream in = new DigestInputStream(Files.newInputStream(f.getValue()), md)) {
                    in.transferTo(OutputStream.nullOutputStream());
                }
            }
            Path jar = dir.resolve(prefix + Sha256.finish(md).substring(0, 20) + ".jar");
            if (Files.isRegularFile(jar)) {
                return jar;
            }
            Files.createDirectories(dir);
            Path tmp = dir.resolve(jar.getFileName() + "." + ProcessHandle.current().pid() + "."
                    + Thread.currentThread().getId() + ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp); JarOutputStream jout = new JarOutputStream(out)) {
                for (Map.Entry<String, Path> f : files.entrySet()) {
                    JarEntry e = new JarEntry(f.getKey());
                    // A fixed time: the jar's bytes depend only on the files.
                    e.setTime(1_000_000_000_000L);
                    jout.putNextEntry(e);
                    Files.copy(f.getValue(), jout);
                    jout.closeEntry();
                }
            }
            Files.move(tmp, jar, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return jar;
        }
    }
}
