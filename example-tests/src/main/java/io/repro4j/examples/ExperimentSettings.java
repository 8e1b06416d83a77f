package io.repro4j.examples;

import io.repro4j.harness.Library;
import io.repro4j.harness.ProblemKind;
import io.repro4j.harness.config.ConfigLoader;
import io.repro4j.harness.config.ExperimentConfig;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The example pipeline's settings, read from an experiment file's {@code data}, {@code targets} and {@code training}
 * maps (e.g. {@code config/experiments/determinism_test.yaml}).
 *
 * <pre>{@code
 * data:     {data_dir: synthetic/interval=5m, generator_seed: 20240102, symbols: [AAPL, MSFT], bars_per_symbol: 400}
 * targets:  {fwd_ret_10m: {kind: regression, horizon_bars: 2}}
 * training: {test_fraction: 0.25, xgboost: {num_round: 40}, lightgbm: {num_iterations: 40}}
 * }</pre>
 *
 * @param dataDir where the data comes from, as recorded in the dataset signature
 * @param generatorSeed the seed of the synthetic market
 * @param symbols the universe, sorted
 * @param barsPerSymbol bars generated per symbol
 * @param targets target specifications by name
 * @param testFraction share of the timeline held out for evaluation, at the end
 * @param embargoBars bars dropped between training and test periods; at least every target's horizon
 * @param libraryParams each library's parameters, passed unchanged to the choke point
 */
public record ExperimentSettings(String dataDir, long generatorSeed, List<String> symbols, int barsPerSymbol,
        Map<String, TargetSpec> targets, double testFraction, int embargoBars,
        Map<Library, Map<String, Object>> libraryParams) {

    public ExperimentSettings {
        symbols = List.copyOf(new TreeSet<>(symbols));
        targets = Collections.unmodifiableMap(new LinkedHashMap<>(targets));
        Map<Library, Map<String, Object>> params = new EnumMap<>(Library.class);
        libraryParams.forEach((library, map) -> params.put(library, Collections.unmodifiableMap(new LinkedHashMap<>(map))));
        libraryParams = Collections.unmodifiableMap(params);
    }

    /**
     * Reads {@code config/experiments/<name>.yaml} from the config directory (see {@link ConfigLoader}).
     *
     * @throws io.repro4j.harness.config.ConfigException when the file is missing or malformed
     * @throws IllegalArgumentException when a setting the pipeline needs is missing or of the wrong type
     */
    public static ExperimentSettings load(String experimentName) {
        ExperimentConfig experiment = ConfigLoader.fromEnvironment().experiment(experimentName, true).orElseThrow();
        try {
            return fromMaps(experiment.data(), experiment.targets(), experiment.training());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(experiment.path() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads the three maps of an experiment file.
     *
     * @throws IllegalArgumentException naming the dotted key (e.g. {@code training.xgboost}) that is missing or of
     *     the wrong type
     */
    public static ExperimentSettings fromMaps(Map<String, ?> data, Map<String, ?> targets, Map<String, ?> training) {
        String dataDir = string(data, "data", "data_dir");
        long generatorSeed = integer(data, "data", "generator_seed");
        List<String> symbols = new ArrayList<>();
        for (Object symbol : list(data, "data", "symbols")) {
            if (!(symbol instanceof String s) || s.isBlank()) {
                throw new IllegalArgumentException("data.symbols: every symbol must be a non-empty string, got "
                        + symbol);
            }
            symbols.add(s);
        }
        if (symbols.isEmpty()) {
            throw new IllegalArgumentException("data.symbols: at least one symbol is needed");
        }
        int barsPerSymbol = Math.toIntExact(integer(data, "data", "bars_per_symbol"));

        Map<String, TargetSpec> targetSpecs = new LinkedHashMap<>();
        int longestHorizon = 1;
        for (Map.Entry<String, ?> entry : targets.entrySet()) {
            String path = "targets." + entry.getKey();
            Map<String, ?> spec = map(entry.getValue(), path);
            String kind = string(spec, path, "kind").toLowerCase(Locale.ROOT);
            ProblemKind problemKind = switch (kind) {
                case "regression" -> ProblemKind.REGRESSION;
                case "binary", "classification" -> ProblemKind.CLASSIFICATION;
                default -> throw new IllegalArgumentException(path + ".kind: expected regression or binary, got '"
                        + kind + "'");
            };
            int horizon = Math.toIntExact(integer(spec, path, "horizon_bars"));
            double threshold = spec.containsKey("threshold") ? number(spec, path, "threshold") : 0.0;
            targetSpecs.put(entry.getKey(), new TargetSpec(entry.getKey(), problemKind, horizon, threshold));
            longestHorizon = Math.max(longestHorizon, horizon);
        }

        double testFraction = number(training, "training", "test_fraction");
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("training.test_fraction must be in (0, 1), was " + testFraction);
        }
        int embargo = training.containsKey("embargo_bars")
                ? Math.toIntExact(integer(training, "training", "embargo_bars")) : longestHorizon;
        if (embargo < longestHorizon) {
            throw new IllegalArgumentException("training.embargo_bars (" + embargo
                    + ") is shorter than the longest target horizon (" + longestHorizon
                    + " bars): training labels would overlap the test period");
        }
        Map<Library, Map<String, Object>> params = new EnumMap<>(Library.class);
        for (Library library : Library.values()) {
            String key = library.modelFamily();
            if (training.containsKey(key)) {
                Map<String, Object> libraryMap = new LinkedHashMap<>(map(training.get(key), "training." + key));
                params.put(library, libraryMap);
            }
        }
        return new ExperimentSettings(dataDir, generatorSeed, symbols, barsPerSymbol, targetSpecs, testFraction,
                embargo, params);
    }

    /** The specification of {@code target}. */
    public TargetSpec target(String target) {
        TargetSpec spec = targets.get(target);
        if (spec == null) {
            throw new IllegalArgumentException("target '" + target + "' is not in the experiment's targets "
                    + targets.keySet());
        }
        return spec;
    }

    /** The parameters configured for {@code library} under {@code training.<library>}. */
    public Map<String, Object> params(Library library) {
        Map<String, Object> params = libraryParams.get(library);
        if (params == null) {
            throw new IllegalArgumentException("the experiment has no training." + library.modelFamily()
                    + " parameters");
        }
        return params;
    }

    private static Object required(Map<String, ?> map, String path, String key) {
        Object value = map.get(key);
        if (value == null) {
            throw new IllegalArgumentException(path + "." + key + " is missing");
        }
        return value;
    }

    private static String string(Map<String, ?> map, String path, String key) {
        if (required(map, path, key) instanceof String s) {
            return s;
        }
        throw wrongType(map, path, key, "a string");
    }

    private static long integer(Map<String, ?> map, String path, String key) {
        Object value = required(map, path, key);
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        throw wrongType(map, path, key, "an integer");
    }

    private static double number(Map<String, ?> map, String path, String key) {
        if (required(map, path, key) instanceof Number n) {
            return n.doubleValue();
        }
        throw wrongType(map, path, key, "a number");
    }

    private static List<?> list(Map<String, ?> map, String path, String key) {
        if (required(map, path, key) instanceof List<?> l) {
            return l;
        }
        throw wrongType(map, path, key, "a list");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> map(Object value, String path) {
        if (value instanceof Map<?, ?> m) {
            for (Object key : m.keySet()) {
                if (!(key instanceof String)) {
                    throw new IllegalArgumentException(path + ": keys must be strings, got " + key);
                }
            }
            return (Map<String, ?>) m;
        }
        throw new IllegalArgumentException(path + " must be a map, got " + describe(value));
    }

    private static IllegalArgumentException wrongType(Map<String, ?> map, String path, String key, String expected) {
        return new IllegalArgumentException(path + "." + key + " must be " + expected + ", got "
                + describe(map.get(key)));
    }

    private static String describe(Object value) {
        return value == null ? "nothing" : value.getClass().getSimpleName() + " " + value;
    }
}
