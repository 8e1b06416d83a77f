package io.repro4j.harness.estimator;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * A fresh JVM for {@link SharedNativeLibrariesIT}: {@code prepare DIR} prints the copies {@link
 * SharedNativeLibraries#prepare} made; {@code load FILE} takes known digests ({@code digest.<key>}) and shared copies
 * ({@code copy.<name>}) from a properties file as a child JVM would, preloads XGBoost, builds a {@code DMatrix} (what
 * a test does before it trains), loads LightGBM, and prints which files the process mapped, which libraries its
 * {@code java.io.tmpdir} holds, and the digests of its environment fingerprint.
 */
public final class SharedNativeProbe {

    private SharedNativeProbe() {
    }

    public static void main(String[] args) throws IOException, XGBoostError {
        if (args[0].equals("prepare")) {
            SharedNativeLibraries.prepare(Path.of(args[1])).forEach((name, copy) ->
                    System.out.println("copy " + name + "=" + copy));
            return;
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(Path.of(args[1]))) {
            p.load(in);
        }
        Map<String, String> digests = new LinkedHashMap<>();
        Map<String, String> copies = new LinkedHashMap<>();
        for (String key : p.stringPropertyNames()) {
            if (key.startsWith("digest.")) {
                digests.put(key.substring("digest.".length()), p.getProperty(key));
            } else if (key.startsWith("copy.")) {
                copies.put(key.substring("copy.".length()), p.getProperty(key));
            }
        }
        NativeLibraries.useKnownDigests(digests);
        NativeLibraries.useSharedCopies(copies);
        NativeLibraries.preloadXGBoost();
        DMatrix matrix = new DMatrix(new float[] {1, 2, 3, 4}, 2, 2, Float.NaN);
        matrix.dispose();
        NativeLibraries.loadLightGbm();
        for (String line : Files.readAllLines(Path.of("/proc/self/maps"))) {
            int slash = line.indexOf('/');
            if (slash >= 0 && (line.contains("xgboost4j") || line.contains("lib_lightgbm"))) {
                System.out.println("mapped " + line.substring(slash).trim());
            }
        }
        try (Stream<Path> files = Files.walk(Path.of(System.getProperty("java.io.tmpdir")))) {
            files.filter(f -> f.getFileName().toString().contains(".so")).forEach(f -> System.out.println("tmp " + f));
        }
        NativeLibraries.loadedLibraryDigests().forEach((name, digest) ->
                System.out.println("digest " + name + "=" + digest));
    }
}
