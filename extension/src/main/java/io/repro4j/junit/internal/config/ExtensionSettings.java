package io.repro4j.junit.internal.config;

import io.repro4j.harness.results.ResultsLayout;
import io.repro4j.harness.results.ResultsRoot;
import io.repro4j.junit.ConfigParameter;
import io.repro4j.junit.Isolation;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The extension's own settings as the test JVM resolves them (see {@link ConfigParameter} for keys and defaults).
 *
 * @param results the results root and its layout
 * @param childMaxHeap {@code -Xmx} value of each child, e.g. {@code 512m}
 * @param parallelChildren how many children run at once
 * @param classDataSharing whether children share a class-data archive
 * @param childLogLimit the most bytes each child log keeps
 * @param isolation what {@code Isolation.DEFAULT} means in this build: {@code TEST} or {@code CLASS}
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public record ExtensionSettings(ResultsLayout results, String childMaxHeap, int parallelChildren,
        boolean classDataSharing, long childLogLimit, Isolation isolation) {

    private static final Pattern HEAP = Pattern.compile("[1-9][0-9]*[kKmMgG]?");

    /**
     * How the extension looks up a key: the JUnit configuration parameter, else the system property of the same name
     * (configuration parameters fall back to system properties in the Launcher, but not in every engine host).
     */
    public static Function<String, Optional<String>> parameters(ExtensionContext context) {
        return key -> context.getConfigurationParameter(key).or(() -> Optional.ofNullable(System.getProperty(key)));
    }

    /** Reads the settings visible to {@code context}. */
    public static ExtensionSettings from(ExtensionContext context) {
        return from(parameters(context), System.getenv());
    }

    /**
     * Reads the settings from a lookup of configuration parameters and the process environment.
     *
     * @throws ExtensionConfigurationException naming the key whose value is invalid and what it must be
     */
    public static ExtensionSettings from(Function<String, Optional<String>> lookup, Map<String, String> env) {
        ResultsLayout results = ResultsLayout.of(ResultsRoot.resolve(lookup, env));
        String heap = lookup.apply(ConfigParameter.CHILD_MAX_HEAP.key()).map(String::trim)
                .orElse(ConfigParameter.CHILD_MAX_HEAP.defaultValue());
        if (!HEAP.matcher(heap).matches()) {
            throw new ExtensionConfigurationException("Configuration parameter " + ConfigParameter.CHILD_MAX_HEAP.key()
                    + " = '" + heap + "' is not a heap size: use a number with an optional k/m/g suffix, e.g. 512m"
                    + " or 2g.");
        }
        int cores = Runtime.getRuntime().availableProcessors();
        int parallel = cores;
        Optional<String> parallelValue = lookup.apply(ConfigParameter.PARALLEL_CHILDREN.key()).map(String::trim);
        if (parallelValue.isPresent()) {
            try {
                parallel = Integer.parseInt(parallelValue.get());
            } catch (NumberFormatException e) {
                parallel = 0;
            }
            if (parallel < 1) {
                throw new ExtensionConfigurationException("Configuration parameter "
                        + ConfigParameter.PARALLEL_CHILDREN.key() + " = '" + parallelValue.get()
                        + "' must be a whole number of at least 1 (default: the " + cores + " available cores).");
            }
        }
        boolean sharing = flag(lookup, ConfigParameter.CLASS_DATA_SHARING,
                Boolean.parseBoolean(ConfigParameter.CLASS_DATA_SHARING.defaultValue()));
        String limit = lookup.apply(ConfigParameter.CHILD_LOG_LIMIT.key()).map(String::trim)
                .orElse(ConfigParameter.CHILD_LOG_LIMIT.defaultValue());
        if (!HEAP.matcher(limit).matches()) {
            throw new ExtensionConfigurationException("Configuration parameter " + ConfigParameter.CHILD_LOG_LIMIT.key()
                    + " = '" + limit + "' is not a size: use a number of bytes with an optional k/m/g suffix, e.g."
                    + " 4m.");
        }
        Isolation isolation = Isolation.TEST;
        Optional<String> isolationValue = lookup.apply(ConfigParameter.ISOLATION.key()).map(String::trim)
                .filter(v -> !v.isEmpty());
        if (isolationValue.isPresent()) {
            switch (isolationValue.get().toLowerCase(java.util.Locale.ROOT)) {
                case "test" -> isolation = Isolation.TEST;
                case "class" -> isolation = Isolation.CLASS;
                default -> throw new ExtensionConfigurationException("Configuration parameter "
                        + ConfigParameter.ISOLATION.key() + " = '" + isolationValue.get() + "' must be test or class.");
            }
        }
        return new ExtensionSettings(results, heap, parallel, sharing, bytes(limit), isolation);
    }

    /** {@code 512}, {@code 64k}, {@code 4m}, {@code 1g} as a number of bytes. */
    static long bytes(String size) {
        char unit = Character.toLowerCase(size.charAt(size.length() - 1));
        long factor = switch (unit) {
            case 'k' -> 1L << 10;
            case 'm' -> 1L << 20;
            case 'g' -> 1L << 30;
            default -> 1;
        };
        String digits = factor == 1 ? size : size.substring(0, size.length() - 1);
        return Long.parseLong(digits) * factor;
    }

    /**
     * A boolean parameter: {@code true} or {@code false} in any case; absent or blank means {@code fallback}.
     *
     * @throws ExtensionConfigurationException for any other value, naming the key
     */
    public static boolean flag(Function<String, Optional<String>> lookup, ConfigParameter parameter,
            boolean fallback) {
        Optional<String> value = lookup.apply(parameter.key()).map(String::trim).filter(v -> !v.isEmpty());
        if (value.isEmpty()) {
            return fallback;
        }
        return switch (value.get().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new ExtensionConfigurationException("Configuration parameter " + parameter.key() + " = '"
                    + value.get() + "' must be true or false.");
        };
    }
}
