package io.repro4j.junit.internal.fork;

import io.repro4j.harness.fingerprint.Sha256;
import io.repro4j.harness.results.ResultsLayout;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
 * <p>The first planned test whose archive is missing has its run 1 write it at exit ({@code
 * -XX:ArchiveClassesAtExit}), holding a file lock so that no other JVM writes the same archive; it is published by
 * an atomic rename once that child has exited normally. Until then, children run without it. Any failure here means
 * children run without an archive, never that a test fails. Off with {@code repro4j.child.classDataSharing=false}
 * ({@link io.repro4j.junit.ConfigParameter#CLASS_DATA_SHARING}).
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class ClassDataArchive {

    /** Archives this JVM is writing right now (a file lock cannot be taken twice by one JVM). */
    private static final Map<Path, Boolean> WRITING = new ConcurrentHashMap<>();
    /**
     * Packed class paths by class path and archive directory, computed once per JVM. Keyed by the directory too,
     * because the packed jars live under one results root, and checked before reuse, because a root can be
     * deleted while the JVM runs (a test's temporary directory).
     */
    private static final Map<List<String>, Layout> LAYOUTS = new ConcurrentHashMap<>();

    private final String classpath;
    private final Path archive;
    private final Path pending;
    private final FileLock lock;

    private ClassDataArchive(String classpath, Path archive, Path pending, FileLock lock) {
        this.classpath = classpath;
        this.archive = archive;
        this.pending = pending;
        this.lock = lock;
    }

    /** No archive: the original class path, no flags. */
    static ClassDataArchive none(String classpath) {
        return new ClassDataArchive(classpath, null, null, null);
    }

    /**
     * Decides how the children of one test use the archive. Never throws: anything unexpected gives {@link #none}.
     *
     * @param jvmFlags the flags every child gets (they are part of the archive's key)
     */
    static ClassDataArchive plan(boolean enabled, ResultsLayout results, String java, String classpath,
            List<String> jvmFlags) {
        if (!enabled || !supportedBy(Runtime.version())) {
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
            Path archive = dir.resolve("children-" + Sha256.hex(key.toString()).substring(0, 16) + ".jsa");
            if (Files.isRegularFile(archive)) {
                return new ClassDataArchive(layout.classpath, archive, null, null);
            }
            if (WRITING.putIfAbsent(archive, Boolean.TRUE) != null) {
                return new ClassDataArchive(layout.classpath, null, null, null);
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
                    return new ClassDataArchive(layout.classpath, archive, null, null);
                }
            } catch (IOException | OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                WRITING.remove(archive);
                return new ClassDataArchive(layout.classpath, null, null, null);
            }
            Path pending = archive.resolveSibling(archive.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
            Files.deleteIfExists(pending);
            return new ClassDataArchive(layout.classpath, archive, pending, lock);
        } catch (IOException | RuntimeException e) {
            return none(classpath);
        }
    }

    /**
     * Whether this JDK maps the archive the way it is built here. JDK 17 does (measured: half a child's start-up CPU).
     * JDK 25 does not: it rejects the archive at every start, because the class path keeps the class directories (for
     * their resources) and because the base archive was dumped without {@code --enable-native-access}, and says so
     * with {@code [error][cds]} lines in every child's log. Elsewhere the children run without an archive, silently.
     */
    static boolean supportedBy(Runtime.Version version) {
        return version.feature() == 17;
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
            return List.of("-XX:SharedArchiveFile=" + archive);
        }
        return runIndex == 1 ? List.of("-XX:ArchiveClassesAtExit=" + pending) : List.of();
    }

    /** After the children ran: publishes the archive run 1 wrote when it exited normally, and releases the lock. */
    void finish(List<ChildOutcome> outcomes) {
        if (pending == null) {
            return;
        }
        try {
            boolean ok = outcomes.stream().anyMatch(o -> o.run().index() == 1 && o.exitCode() != null
                    && o.exitCode() == 0);
            if (ok && Files.isRegularFile(pending) && Files.size(pending) > 0) {
                Files.move(pending, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException ignored) {
            // Children simply run without the archive.
        } finally {
            try {
                Files.deleteIfExists(pending);
            } catch (IOException ignored) {
                // a stray temp file under target/ is harmless
            }
            release(lock);
            WRITING.remove(archive);
        }
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
            MessageDigest md = Sha256.newDigest();
            List<byte[]> contents = new ArrayList<>();
            for (Path f : classes) {
                byte[] bytes = Files.readAllBytes(f);
                contents.add(bytes);
                md.update(root.relativize(f).toString().getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
                md.update(Long.toString(bytes.length).getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
                md.update(bytes);
            }
            Path jar = dir.resolve("classes-" + Sha256.finish(md).substring(0, 20) + ".jar");
            if (Files.isRegularFile(jar)) {
                return jar;
            }
            Files.createDirectories(dir);
            Path tmp = dir.resolve(jar.getFileName() + "." + ProcessHandle.current().pid() + "."
                    + Thread.currentThread().getId() + ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp); JarOutputStream jout = new JarOutputStream(out)) {
                for (int i = 0; i < classes.size(); i++) {
                    JarEntry e = new JarEntry(root.relativize(classes.get(i)).toString()
                            .replace(File.separatorChar, '/'));
                    // A fixed time: the jar's bytes depend only on the classes.
                    e.setTime(1_000_000_000_000L);
                    jout.putNextEntry(e);
                    jout.write(contents.get(i));
                    jout.closeEntry();
                }
            }
            Files.move(tmp, jar, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return jar;
        }
    }
}
