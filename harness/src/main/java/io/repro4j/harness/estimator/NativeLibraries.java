package io.repro4j.harness.estimator;

import io.repro4j.harness.Library;
import io.repro4j.harness.Repro4jException;
import io.repro4j.harness.fingerprint.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.security.CodeSource;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * Loads LightGBM's native libraries (the SWIG binding ships none of its own loading code) and reports which native
 * libraries and library versions this JVM uses, for the environment fingerprint. In a child JVM given verified shared
 * copies ({@link #useSharedCopies}, see {@link SharedNativeLibraries}) it loads those instead of extracting its own,
 * and loads XGBoost's before XGBoost4J's own loader would copy it ({@link #preloadXGBoost}).
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class NativeLibraries {
    /** The library file XGBoost4J extracts and loads itself. */
    public static final String XGBOOST_LIBRARY = "libxgboost4j.so";
    private static final String XGBOOST_RESOURCE = "lib/linux/x86_64/" + XGBOOST_LIBRARY;
    private static final String LIGHTGBM_RESOURCES = "/com/microsoft/ml/lightgbm/linux/x86_64/";
    /** Load order matters: the SWIG wrapper links against {@code lib_lightgbm.so}. */
    private static final List<String> LIGHTGBM_LIBRARIES = List.of("lib_lightgbm.so", "lib_lightgbm_swig.so");

    private static final Object LOCK = new Object();
    private static volatile Map<String, String> lightGbmDigests;
    private static volatile Map<String, String> xgboostResourceDigest;
    // Hashing the bundled 7 MB LightGBM files costs seconds on a busy machine; they cannot change while the JVM runs.
    private static volatile Map<String, String> lightGbmResourceDigests;
    private static volatile String mappedXgboostDigest;
    /** Digests computed by another JVM for the same class-path resources (see {@link #useKnownDigests}). */
    private static volatile Map<String, String> knownDigests = Map.of();
    private static volatile Map<String, String> bundledDigests;
    /** Verified shared copies by file name, given by the parent of a child JVM; empty elsewhere. */
    private static volatile Map<String, SharedNativeLibraries.Copy> sharedCopies = Map.of();
    /** The shared copy of XGBoost's library this JVM loaded, or {@code null}. */
    private static volatile SharedNativeLibraries.Copy loadedXgboostCopy;
    private static final String XGBOOST_LOADER_CLASS = "ml.dmlc.xgboost4j.java.NativeLibLoader";

    private NativeLibraries() {
    }

    /**
     * Extracts {@code lib_lightgbm.so} and {@code lib_lightgbm_swig.so} into a directory of this JVM's own under
     * {@code java.io.tmpdir} and loads them, once per JVM. Safe to call from any thread, any number of times.
     *
     * @throws Repro4jException on a platform other than Linux x86_64, or when extraction or loading fails
     */
    public static void loadLightGbm() {
        if (lightGbmDigests != null) {
            return;
        }
        synchronized (LOCK) {
            if (lightGbmDigests != null) {
                return;
            }
            requireSupportedPlatform(System.getProperty("os.name", "?"), System.getProperty("os.arch", "?"));
            Map<String, String> shared = loadSharedLightGbm();
            if (shared != null) {
                lightGbmDigests = shared;
                return;
            }
            Path dir;
            try {
                dir = Files.createTempDirectory(Paths.get(System.getProperty("java.io.tmpdir")), "repro4j-lightgbm-");
            } catch (IOException e) {
                throw new Repro4jException("cannot create a directory for LightGBM's native libraries under java.io.tmpdir="
                        + System.getProperty("java.io.tmpdir") + ": " + e.getMessage() + "; make it writable", e);
            }
            // deleteOnExit runs in reverse order of registration: the directory goes last, once it is empty.
            dir.toFile().deleteOnExit();
            Map<String, String> digests = new LinkedHashMap<>();
            for (String name : LIGHTGBM_LIBRARIES) {
                Path file = dir.resolve(name);
                String resource = LIGHTGBM_RESOURCES + name;
                try (InputStream in = NativeLibraries.class.getResourceAsStream(resource)) {
                    if (in == null) {
                        throw new Repro4jException("resource " + resource + " is not on the class path; add"
                                + " the dependency " + LibraryAdapters.dependency(Library.LIGHTGBM) + " to your pom.xml");
                    }
                    file.toFile().deleteOnExit();
                    Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                } catch (IOException e) {
                    throw new Repro4jException("cannot extract " + resource + " to " + file + ": " + e.getMessage(), e);
                }
                try {
                    System.load(file.toAbsolutePath().toString());
                } catch (UnsatisfiedLinkError e) {
                    throw new Repro4jException("cannot load " + file + ": " + e.getMessage()
                            + " (LightGBM needs the OpenMP runtime libgomp.so.1, Debian package libgomp1)", e);
                }
                String known = knownDigest(NativeLibraries.class.getResource(resource), fileSize(file));
                digests.put(name, known != null ? known : sha256(file));
            }
            lightGbmDigests = Map.copyOf(digests);
        }
    }

    /**
     * Loads LightGBM from the shared copies when both are there and unchanged, and returns their digests; {@code null}
     * (nothing loaded) otherwise.
     */
    private static Map<String, String> loadSharedLightGbm() {
        Map<String, SharedNativeLibraries.Copy> copies = new LinkedHashMap<>();
        for (String name : LIGHTGBM_LIBRARIES) {
            SharedNativeLibraries.Copy copy = loadableCopy(name, LIGHTGBM_RESOURCES.substring(1) + name);
            if (copy == null) {
                return null;
            }
            copies.put(name, copy);
        }
        Map<String, String> digests = new LinkedHashMap<>();
        for (SharedNativeLibraries.Copy copy : copies.values()) {
            try {
                System.load(copy.file().toString());
            } catch (UnsatisfiedLinkError e) {
                throw new Repro4jException("cannot load " + copy.file() + ": " + e.getMessage()
                        + " (LightGBM needs the OpenMP runtime libgomp.so.1, Debian package libgomp1)", e);
            }
            digests.put(copy.file().getFileName().toString(), copy.sha256());
        }
        return Map.copyOf(digests);
    }

    /**
     * Lets this child JVM load the verified shared copies its parent prepared ({@link SharedNativeLibraries#prepare}),
     * by file name, encoded as {@link SharedNativeLibraries.Copy#encode()} writes them; malformed values are ignored.
     */
    public static void useSharedCopies(Map<String, String> encoded) {
        Map<String, SharedNativeLibraries.Copy> copies = new LinkedHashMap<>();
        if (encoded != null) {
            encoded.forEach((name, value) -> {
                SharedNativeLibraries.Copy copy = SharedNativeLibraries.Copy.decode(value);
                if (copy != null && copy.file().getFileName().toString().equals(name)) {
                    copies.put(name, copy);
                }
            });
        }
        sharedCopies = Map.copyOf(copies);
    }

    /**
     * The shared copy of {@code resource} (file {@code name}) when it may be loaded: given by the parent, unchanged
     * since the parent verified it, and with the digest of this class path's resource. Says on standard error why a
     * given copy is not used; {@code null} then and when there is none.
     */
    private static SharedNativeLibraries.Copy loadableCopy(String name, String resource) {
        SharedNativeLibraries.Copy copy = sharedCopies.get(name);
        if (copy == null) {
            return null;
        }
        java.net.URL url = NativeLibraries.class.getClassLoader().getResource(resource);
        String expected = knownDigest(url, copy.size());
        if (!copy.sha256().equals(expected)) {
            System.err.println("[repro4j] not loading the shared " + copy.file() + ": its digest " + copy.sha256()
                    + " is not that of " + url + " (" + expected + "); extracting a private copy instead");
            return null;
        }
        if (!copy.unchanged()) {
            System.err.println("[repro4j] not loading the shared " + copy.file() + ": it changed after the test JVM"
                    + " verified it (size, modification or status-change time, or file key differ); extracting a private copy"
                    + " instead");
            return null;
        }
        return copy;
    }

    /**
     * In a child JVM with a verified shared copy of XGBoost's library: loads it and marks XGBoost4J's own loader
     * ({@code NativeLibLoader}, whose {@code initXGBoost} would otherwise copy the 17.7 MB file into a fresh temp file)
     * as done. Does nothing without a loadable copy, off Linux x86_64, when XGBoost4J is absent or in another class
     * loader (JNI binds native methods to libraries loaded through their class's loader), or when its loader has
     * already run or looks different from the one of 2.1.4 to 3.4.0 (a {@code static boolean initialized}); XGBoost4J
     * then loads itself as before. Must run after the strict check: it loads native code.
     */
    public static void preloadXGBoost() {
        if (!isLinuxX86_64(System.getProperty("os.name", "?"), System.getProperty("os.arch", "?"))
                || !sharedCopies.containsKey(XGBOOST_LIBRARY)) {
            return;
        }
        ClassLoader ours = NativeLibraries.class.getClassLoader();
        java.lang.reflect.Field initialized;
        Class<?> loader;
        try {
            loader = Class.forName(XGBOOST_LOADER_CLASS, false, ours);
            if (loader.getClassLoader() != ours) {
                return;
            }
            initialized = loader.getDeclaredField("initialized");
            int modifiers = initialized.getModifiers();
            if (initialized.getType() != boolean.class || !java.lang.reflect.Modifier.isStatic(modifiers)
                    || java.lang.reflect.Modifier.isFinal(modifiers)) {
                return;
            }
            initialized.setAccessible(true);
        } catch (ClassNotFoundException | LinkageError | NoSuchFieldException | RuntimeException absent) {
            return;
        }
        SharedNativeLibraries.Copy copy = loadableCopy(XGBOOST_LIBRARY, XGBOOST_RESOURCE);
        if (copy == null) {
            return;
        }
        try {
            Class.forName(XGBOOST_LOADER_CLASS, true, ours);
            // initXGBoost is static synchronized: holding the class's monitor keeps it from running halfway.
            synchronized (loader) {
                if (initialized.getBoolean(null)) {
                    return;
                }
                System.load(copy.file().toString());
                loadedXgboostCopy = copy;
                initialized.setBoolean(null, true);
            }
        } catch (UnsatisfiedLinkError | ReflectiveOperationException | RuntimeException e) {
            // Nothing was marked: XGBoost4J's own loader runs when XGBoost is first used and reports the problem.
            System.err.println("[repro4j] could not preload " + copy.file() + ": " + e
                    + "; XGBoost4J loads its own copy instead");
        }
    }

    static void requireSupportedPlatform(String os, String arch) {
        if (!isLinuxX86_64(os, arch)) {
            throw new Repro4jException("LightGBM natives are loaded only on Linux x86_64, but this JVM runs on "
                    + os + " " + arch + " (lightgbmlib 3.3.510 ships no Linux aarch64 build); train with XGBoost"
                    + " here or run on Linux x86_64");
        }
    }

    static boolean isLinuxX86_64(String os, String arch) {
        String a = arch.toLowerCase(Locale.ROOT);
        return os.toLowerCase(Locale.ROOT).startsWith("linux") && (a.equals("amd64") || a.equals("x86_64"));
    }

    /**
     * File name to SHA-256 of each native library: for LightGBM the files this class loaded (or, before loading, the
     * ones it would load); for XGBoost the file the process mapped, found in {@code /proc/self/maps}, or else the jar's
     * Linux x86_64 resource. Libraries that are not on the classpath are left out.
     */
    public static Map<String, String> loadedLibraryDigests() {
        Map<String, String> out = new TreeMap<>();
        Map<String, String> lightGbm = lightGbmDigests;
        if (lightGbm != null) {
            out.putAll(lightGbm);
        } else {
            Map<String, String> cached = lightGbmResourceDigests;
            if (cached == null) {
                Map<String, String> digests = new TreeMap<>();
                for (String name : LIGHTGBM_LIBRARIES) {
                    String digest = resourceDigest(LIGHTGBM_RESOURCES.substring(1) + name);
                    if (digest != null) {
                        digests.put(name, digest);
                    }
                }
                cached = Map.copyOf(digests);
                lightGbmResourceDigests = cached;
            }
            out.putAll(cached);
        }
        String xgboost = mappedXgboostDigest();
        if (xgboost == null) {
            Map<String, String> cached = xgboostResourceDigest;
            if (cached == null) {
                String digest = resourceDigest(XGBOOST_RESOURCE);
                cached = digest == null ? Map.of() : Map.of(XGBOOST_LIBRARY, digest);
                xgboostResourceDigest = cached;
            }
            out.putAll(cached);
        } else {
            out.put(XGBOOST_LIBRARY, xgboost);
        }
        return Collections.unmodifiableMap(out);
    }

    /**
     * {@code xgboost4j} and {@code lightgbmlib} to the version of the jar that provides each library's classes to this
     * JVM (its Maven {@code pom.properties}, else its file name), {@code unknown} when that cannot be told, {@code null}
     * when the library is not on the class path (both are optional). Loads no native code.
     */
    public static Map<String, String> libraryVersions() {
        Map<String, String> out = new TreeMap<>();
        out.put("xgboost4j", version(LibraryAdapters.XGBOOST_CLASS, "META-INF/maven/ml.dmlc/",
                "xgboost4j_2.12", Pattern.compile("xgboost4j[^/]*?-([0-9][^/-]*)\\.jar$")));
        out.put("lightgbmlib", version(LibraryAdapters.LIGHTGBM_CLASS, "META-INF/maven/com.microsoft.ml.lightgbm/",
                "lightgbmlib", Pattern.compile("lightgbmlib-([0-9][^/]*)\\.jar$")));
        return Collections.unmodifiableMap(out);
    }

    /**
     * The version of the jar {@code className} comes from: the {@code pom.properties} of {@code artifact} under
     * {@code pomDir} in that jar, else of any artifact there (a shaded jar such as {@code xgboost4j-spark}), else the
     * jar's file name.
     */
    private static String version(String className, String pomDir, String artifact, Pattern jarName) {
        Path jar;
        try {
            // initialize=false: asking for the version must not load native code.
            Class<?> type = Class.forName(className, false, NativeLibraries.class.getClassLoader());
            CodeSource source = type.getProtectionDomain().getCodeSource();
            if (source == null || source.getLocation() == null) {
                return "unknown";
            }
            jar = Paths.get(source.getLocation().toURI());
        } catch (ClassNotFoundException | LinkageError absent) {
            return null;
        } catch (URISyntaxException | RuntimeException notAFile) {
            return "unknown";
        }
        if (Files.isRegularFile(jar)) {
            try (JarFile file = new JarFile(jar.toFile())) {
                JarEntry own = file.getJarEntry(pomDir + artifact + "/pom.properties");
                JarEntry entry = own != null ? own : file.stream()
                        .filter(e -> e.getName().startsWith(pomDir) && e.getName().endsWith("/pom.properties"))
                        .sorted(Comparator.comparing(JarEntry::getName)).findFirst().orElse(null);
                if (entry != null) {
                    try (InputStream in = file.getInputStream(entry)) {
                        Properties p = new Properties();
                        p.load(in);
                        String v = p.getProperty("version");
                        if (v != null && !v.isBlank()) {
                            return v.trim();
                        }
                    }
                }
            } catch (IOException unreadable) {
                // fall back to the file name
            }
        }
        Matcher m = jarName.matcher(jar.getFileName().toString());
        return m.find() ? m.group(1) : "unknown";
    }

    /** The digest of the XGBoost library this process mapped, or {@code null} when it has not loaded one. */
    static String mappedXgboostDigest() {
        String cached = mappedXgboostDigest;
        if (cached != null) {
            return cached; // the mapped file cannot change once loaded; hashing 17 MB per snapshot is waste
        }
        cached = findMappedXgboostDigest();
        mappedXgboostDigest = cached;
        return cached;
    }

    private static String findMappedXgboostDigest() {
        Path maps = Paths.get("/proc/self/maps");
        if (!Files.isReadable(maps)) {
            return null;
        }
        try {
            for (String line : Files.readAllLines(maps)) {
                int slash = line.indexOf('/');
                if (slash < 0 || !line.contains("xgboost4j") || line.endsWith("(deleted)")) {
                    continue;
                }
                Path file = Paths.get(line.substring(slash).trim());
                String name = file.getFileName().toString();
                SharedNativeLibraries.Copy shared = loadedXgboostCopy;
                if (shared != null && shared.file().equals(file.toAbsolutePath().normalize())) {
                    return shared.sha256(); // verified before it was loaded
                }
                if (name.contains("xgboost4j") && name.endsWith(".so") && Files.isRegularFile(file)) {
                    String known = extractedXgboostDigest(file);
                    return known != null ? known : sha256(file);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            return null;
        }
        return null;
    }

    /**
     * The digest of XGBoost's bundled library when {@code file} is the copy XGBoost4J's own loader extracted from it:
     * a {@code libxgboost4j*.so} in {@code java.io.tmpdir}, no {@code xgboostruntime.native.xgboost4j} override, and
     * the size of the resource whose digest is known. {@code null} when any of that does not hold.
     */
    private static String extractedXgboostDigest(Path file) {
        if (knownDigests.isEmpty() || System.getProperty("xgboostruntime.native.xgboost4j") != null
                || !file.getFileName().toString().startsWith("libxgboost4j")) {
            return null;
        }
        Path tmp = Paths.get(System.getProperty("java.io.tmpdir", "")).toAbsolutePath().normalize();
        if (!tmp.equals(file.toAbsolutePath().normalize().getParent())) {
            return null;
        }
        return knownDigest(NativeLibraries.class.getResource("/" + XGBOOST_RESOURCE), fileSize(file));
    }

    /**
     * Lets this JVM take the digests of bundled native libraries from {@code digests} (as made by
     * {@link #bundledLibraryDigests()} in another JVM with the same class path) instead of hashing 25 MB itself. A
     * digest is used only for a resource of the same jar file (path, size, modification time) and the same size.
     */
    public static void useKnownDigests(Map<String, String> digests) {
        knownDigests = digests == null ? Map.of() : Map.copyOf(digests);
    }

    /**
     * The digests of the native libraries bundled on this class path (XGBoost's and LightGBM's Linux x86_64 files),
     * keyed by where they are (resource URL with its jar's size and modification time), valued {@code <sha256> <size>};
     * computed once per JVM. For {@link #useKnownDigests} in child JVMs.
     */
    public static Map<String, String> bundledLibraryDigests() {
        Map<String, String> cached = bundledDigests;
        if (cached != null) {
            return cached;
        }
        Map<String, String> out = new TreeMap<>();
        for (String resource : bundledResources()) {
            java.net.URL url = NativeLibraries.class.getClassLoader().getResource(resource);
            String key = resourceKey(url);
            if (key == null) {
                continue;
            }
            try (InputStream in = url.openStream()) {
                java.security.MessageDigest md = Sha256.newDigest();
                byte[] buffer = new byte[1 << 16];
                long size = 0;
                for (int n; (n = in.read(buffer)) > 0; ) {
                    md.update(buffer, 0, n);
                    size += n;
                }
                out.put(key, Sha256.finish(md) + " " + size);
            } catch (IOException e) {
                // left out: the child hashes it itself
            }
        }
        cached = Collections.unmodifiableMap(out);
        bundledDigests = cached;
        return cached;
    }

    /** The class-path resources of the bundled Linux x86_64 libraries, in load order, without a leading slash. */
    static List<String> bundledResources() {
        List<String> resources = new java.util.ArrayList<>();
        resources.add(XGBOOST_RESOURCE);
        LIGHTGBM_LIBRARIES.forEach(n -> resources.add(LIGHTGBM_RESOURCES.substring(1) + n));
        return List.copyOf(resources);
    }

    /** The known digest of the resource at {@code url} when its content has {@code size} bytes, else {@code null}. */
    private static String knownDigest(java.net.URL url, long size) {
        Map<String, String> known = knownDigests;
        if (known.isEmpty() || size < 0) {
            return null;
        }
        String key = resourceKey(url);
        String value = key == null ? null : known.get(key);
        if (value == null) {
            return null;
        }
        int space = value.indexOf(' ');
        return space > 0 && value.substring(space + 1).equals(Long.toString(size)) ? value.substring(0, space) : null;
    }

    /** {@code <url> <jar size> <jar mtime>} for a resource in a jar file, else {@code null}. */
    static String resourceKey(java.net.URL url) {
        if (url == null || !"jar".equals(url.getProtocol())) {
            return null;
        }
        String spec = url.getPath();
        int bang = spec.indexOf("!/");
        if (bang < 0 || !spec.startsWith("file:")) {
            return null;
        }
        try {
            Path jar = Paths.get(new java.net.URI(spec.substring(0, bang)));
            return url + " " + Files.size(jar) + " " + Files.getLastModifiedTime(jar).toMillis();
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    private static long fileSize(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    static String resourceDigest(String resource) {
        java.net.URL url = NativeLibraries.class.getClassLoader().getResource(resource);
        if (url != null && !knownDigests.isEmpty()) {
            String key = resourceKey(url);
            String value = key == null ? null : knownDigests.get(key);
            if (value != null && value.indexOf(' ') > 0) {
                return value.substring(0, value.indexOf(' '));
            }
        }
        try (InputStream in = NativeLibraries.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? null : Sha256.hex(in);
        } catch (IOException e) {
            return null;
        }
    }

    private static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return Sha256.hex(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

}
