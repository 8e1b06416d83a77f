package io.repro4j.junit.internal;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The extension's configuration parameters, read from JUnit configuration parameters and then system properties.
 *
 * @param resultsRoot absolute results root
 * @param childMaxHeap {@code -Xmx} value of each child, e.g. {@code 512m}
 * @param parallelChildren how many children run at once
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public record ExtensionSettings(Path resultsRoot, String childMaxHeap, int parallelChildren) {

    public static final String RESULTS_DIR = "repro4j.resultsDir";
    public static final String CHILD_MAX_HEAP = "repro4j.child.maxHeap";
    public static final String PARALLEL_CHILDREN = "repro4j.parallelChildren";
    /** Environment variable the harness also reads for the results root (used by {@code repro4j verify}). */
    public static final String RESULTS_DIR_ENV = "REPRO4J_RESULTS_DIR";
    public static final String DEFAULT_RESULTS_DIR = "target/repro4j";
    public static final String DEFAULT_MAX_HEAP = "512m";

    private static final Pattern HEAP = Pattern.compile("[1-9][0-9]*[kKmMgG]?");

    /** Reads the settings visible to {@code context}. */
    public static ExtensionSettings from(ExtensionContext context) {
        return from(key -> context.getConfigurationParameter(key).or(() -> Optional.ofNullable(System.getProperty(key))));
    }

    /** Reads the settings from a lookup of configuration parameters. */
    static ExtensionSettings from(Function<String, Optional<String>> lookup) {
        Path root = lookup.apply(RESULTS_DIR).filter(s -> !s.isBlank()).map(Path::of)
                .or(() -> Optional.ofNullable(System.getenv(RESULTS_DIR_ENV)).filter(s -> !s.isBlank()).map(Path::of))
                .orElse(Path.of(DEFAULT_RESULTS_DIR));
        String heap = lookup.apply(CHILD_MAX_HEAP).map(String::trim).orElse(DEFAULT_MAX_HEAP);
        if (!HEAP.matcher(heap).matches()) {
            throw new ExtensionConfigurationException("Configuration parameter " + CHILD_MAX_HEAP + " = '" + heap
                    + "' is not a heap size: use a number with an optional k/m/g suffix, e.g. 512m or 2g.");
        }
        int cores = Runtime.getRuntime().availableProcessors();
        int parallel = cores;
        Optional<String> parallelValue = lookup.apply(PARALLEL_CHILDREN).map(String::trim);
        if (parallelValue.isPresent()) {
            try {
                parallel = Integer.parseInt(parallelValue.get());
            } catch (NumberFormatException e) {
                parallel = 0;
            }
            if (parallel < 1) {
                throw new ExtensionConfigurationException("Configuration parameter " + PARALLEL_CHILDREN + " = '"
                        + parallelValue.get() + "' must be a whole number of at least 1 (default: the " + cores
                        + " available cores).");
            }
        }
        return new ExtensionSettings(root.toAbsolutePath().normalize(), heap, parallel);
    }
}
