package io.repro4j.harness.estimator;

import io.repro4j.harness.fingerprint.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apiguardian.api.API;

/**
 * One verified copy of each bundled native library under a results root's {@code natives/} folder, which child JVMs
 * load instead of extracting 25 MB from the jars each (XGBoost4J's own loader copies its 17.7 MB library into a fresh
 * temp file in every JVM).
 *
 * <p>A copy lives at {@code natives/<first 16 hex of its SHA-256>/<file name>}, read-only. The test JVM prepares the
 * copies before it starts children ({@link #prepare}): under a file lock on {@code natives/.lock} (several test JVMs
 * may share a root) it hashes an existing copy once per JVM, or extracts the jar's file into a temp file in the same
 * folder while hashing it, and publishes it by an atomic rename only when its digest is the jar resource's. A copy
 * whose digest is wrong is reported on standard error and replaced. Children get each copy's digest with the size,
 * modification and status-change times and file key the test JVM verified ({@link Copy}), and load it only while the
 * file still has them; otherwise they say so on standard error and extract their own copy as before. Hashing in the
 * child instead would cost more than the copy it saves (~0.5 s for 17.7 MB in a short-lived child).
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class SharedNativeLibraries {

    /** Copies this JVM verified, by path: each is hashed once per JVM, then checked by its attributes. */
    private static final Map<Path, Copy> VERIFIED = new ConcurrentHashMap<>();
    private static final Object LOCK = new Object();
    private static final String LOCK_FILE = ".lock";

    private SharedNativeLibraries() {
    }

    /**
     * A verified copy of a native library: its digest and the attributes its file had when it was verified. The
     * status-change time is among them because no process can set it: any write, rename or change of permissions
     * after the verification, even one that restores the modification time, changes it.
     *
     * @param file the absolute path of the copy
     * @param sha256 its SHA-256, equal to that of the jar resource it was extracted from
     * @param size its size in bytes
     * @param modifiedNanos its modification time
     * @param changedNanos its status-change time ({@code ctime})
     * @param fileKey its file key ({@code (dev=…,ino=…)})
     */
    public record Copy(Path file, String sha256, long size, long modifiedNanos, long changedNanos, String fileKey) {

        public Copy {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(sha256, "sha256");
            Objects.requireNonNull(fileKey, "fileKey");
        }

        /** The copy of {@code file} as it is now, with {@code sha256} as its verified digest. */
        static Copy of(Path file, String sha256) throws IOException {
            Map<String, Object> a = Files.readAttributes(file, "unix:size,lastModifiedTime,ctime,fileKey,isRegularFile");
            if (!Boolean.TRUE.equals(a.get("isRegularFile"))) {
                throw new IOException(file + " is not a regular file");
            }
            return new Copy(file.toAbsolutePath().normalize(), sha256, (Long) a.get("size"),
                    ((FileTime) a.get("lastModifiedTime")).to(TimeUnit.NANOSECONDS),
                    ((FileTime) a.get("ctime")).to(TimeUnit.NANOSECONDS), String.valueOf(a.get("fileKey")));
        }

        /** Whether the file is still the one that was verified: same size, times and file key. */
        public boolean unchanged() {
            try {
                return equals(of(file, sha256));
            } catch (IOException | RuntimeException e) {
                return false;
            }
        }

        /** {@code <sha256> <size> <modified nanos> <changed nanos> <file key> <path>}: one request value. */
        public String encode() {
            return sha256 + " " + size + " " + modifiedNanos + " " + changedNanos + " " + fileKey + " " + file;
        }

        /** The copy {@link #encode()} wrote, or {@code null} when {@code text} is not one. */
        public static Copy decode(String text) {
            if (text == null) {
                return null;
            }
            String[] parts = text.split(" ", 6);
            if (parts.length != 6 || !parts[0].matches("[0-9a-f]{64}")) {
                return null;
            }
            try {
                return new Copy(Path.of(parts[5]), parts[0], Long.parseLong(parts[1]), Long.parseLong(parts[2]),
                        Long.parseLong(parts[3]), parts[4]);
            } catch (RuntimeException e) {
                return null;
            }
        }
    }

    /**
     * Makes sure {@code dir} holds a verified copy of every native library bundled on this class path whose digest
     * {@link NativeLibraries#bundledLibraryDigests()} knows (Linux x86_64 only), and returns them by file name,
     * {@linkplain Copy#encode() encoded} for a child request. Never throws: a library that cannot be shared is left
     * out, and children extract it themselves.
     */
    public static Map<String, String> prepare(Path dir) {
        if (!NativeLibraries.isLinuxX86_64(System.getProperty("os.name", "?"), System.getProperty("os.arch", "?"))) {
            return Map.of();
        }
        Map<String, String> digests = NativeLibraries.bundledLibraryDigests();
        Map<String, String> out = new TreeMap<>();
        for (String resource : NativeLibraries.bundledResources()) {
            URL url = NativeLibraries.class.getClassLoader().getResource(resource);
            String key = NativeLibraries.resourceKey(url);
            String known = key == null ? null : digests.get(key);
            if (known == null || known.indexOf(' ') < 0) {
                continue;
            }
            String sha256 = known.substring(0, known.indexOf(' '));
            long size = Long.parseLong(known.substring(known.indexOf(' ') + 1));
            String name = resource.substring(resource.lastIndexOf('/') + 1);
            Copy copy = copyOf(dir.toAbsolutePath().normalize(), name, url, sha256, size);
            if (copy != null) {
                out.put(name, copy.encode());
            }
        }
        return Collections.unmodifiableMap(out);
    }

    /** The verified copy of the resource at {@code url} under {@code dir}, made when missing or wrong; {@code null} on failure. */
    static Copy copyOf(Path dir, String name, URL url, String sha256, long size) {
        Path target = dir.resolve(sha256.substring(0, 16)).resolve(name);
        Copy cached = VERIFIED.get(target);
        if (cached != null && cached.sha256().equals(sha256) && cached.unchanged()) {
            return cached;
        }
        synchronized (LOCK) {
            try {
                Files.createDirectories(target.getParent());
                try (FileChannel channel = FileChannel.open(dir.resolve(LOCK_FILE), StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE)) {
                    FileLock lock = channel.lock(); // released when the channel closes
                    Copy copy = verifiedOrReplaced(target, url, sha256, size);
                    lock.release();
                    if (copy != null) {
                        VERIFIED.put(target, copy);
                    }
                    return copy;
                }
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }
    }

    /** Under the lock: the existing copy when its digest is right, else a fresh one from the jar; {@code null} when the jar's does not verify. */
    private static Copy verifiedOrReplaced(Path target, URL url, String sha256, long size) throws IOException {
        removeStaleTempFiles(target.getParent());
        if (Files.isRegularFile(target)) {
            Copy before = Copy.of(target, sha256);
            String actual;
            try (InputStream in = Files.newInputStream(target)) {
                actual = Sha256.hex(in);
            }
            if (actual.equals(sha256) && before.size() == size && before.unchanged()) {
                return before;
            }
            System.err.println("[repro4j] " + target + " is not the native library its jar bundles (SHA-256 "
                    + actual + ", " + before.size() + " bytes; expected " + sha256 + ", " + size + " bytes from "
                    + url + "): replacing it with a fresh copy");
            Files.delete(target);
        }
        Path temp = target.resolveSibling("." + target.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        try {
            MessageDigest md = Sha256.newDigest();
            long written = 0;
            try (InputStream in = url.openStream(); OutputStream out = Files.newOutputStream(temp,
                    StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                byte[] buffer = new byte[1 << 20];
                for (int n; (n = in.read(buffer)) > 0; ) {
                    md.update(buffer, 0, n);
                    out.write(buffer, 0, n);
                    written += n;
                }
            }
            String actual = Sha256.finish(md);
            if (!actual.equals(sha256) || written != size) {
                System.err.println("[repro4j] " + url + " read as SHA-256 " + actual + " (" + written + " bytes), not "
                        + sha256 + " (" + size + " bytes) as when this JVM hashed it: not sharing it; each child"
                        + " extracts its own copy");
                return null;
            }
            try {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("r-xr-xr-x"));
            } catch (UnsupportedOperationException notPosix) {
                temp.toFile().setReadOnly();
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            return Copy.of(target, sha256);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Forgets what this JVM verified, as a fresh JVM would (for tests). */
    static void forgetVerified() {
        VERIFIED.clear();
    }

    /** Temp files of extractions that died (killed JVMs): nobody else writes here while the lock is held. */
    private static void removeStaleTempFiles(Path dir) throws IOException {
        try (DirectoryStream<Path> temps = Files.newDirectoryStream(dir, ".*.tmp")) {
            for (Path temp : temps) {
                Files.deleteIfExists(temp);
            }
        }
    }
}
