package io.repro4j.harness.config;

import io.repro4j.harness.Mode;
import io.repro4j.harness.ReproducibilityConfig;
import io.repro4j.harness.ReproducibilityConfig.GpuRequestPolicy;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apiguardian.api.API;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * One key of the reproducibility schema, defined once: its YAML path, environment variable, system property, built-in
 * default and meaning. The config loader, the JUnit extension (which forwards the resolved values to its child JVMs)
 * and the documented list of settings are all derived from these constants.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public enum Setting {
    MODE("reproducibility", "mode", "REPRO_MODE", "repro4j.mode",
            "strict (CPU only, one thread, derived seeds, deterministic flags, strict environment checked) or"
            + " best_effort (seeds and deterministic flags only)"),
    SEED("reproducibility", "seed", "REPRO_SEED", "repro4j.seed",
            "the global seed every derived seed starts from"),
    VERSION("reproducibility", "version", "REPRO_VERSION", "repro4j.version",
            "the seed-derivation version, part of every derived seed"),
    REQUIRE_ENV_VARS("strict", "require_env_vars", null, "repro4j.strict.require_env_vars",
            "strict mode refuses to train in a JVM started without the strict environment"),
    DISABLE_GPU_TREE_MODELS("strict", "disable_gpu_tree_models", null, "repro4j.strict.disable_gpu_tree_models",
            "strict mode never lets a tree model use a GPU"),
    FORCE_SINGLE_THREAD("strict", "force_single_thread", null, "repro4j.strict.force_single_thread",
            "strict mode pins every estimator to one thread"),
    ENFORCE_STABLE_ORDERING("strict", "enforce_stable_ordering", null, "repro4j.strict.enforce_stable_ordering",
            "Determinism.stableSort really sorts in strict mode"),
    ON_GPU_REQUEST("strict", "on_gpu_request", null, "repro4j.strict.on_gpu_request",
            "what a GPU request does in strict mode: rewrite (to CPU, recorded with a warning) or fail");

    static final String REPRODUCIBILITY_SECTION = "reproducibility";
    static final String STRICT_SECTION = "strict";
    static final String STRICT_PROPERTY_PREFIX = "repro4j.strict.";

    private static final List<String> MODES = Arrays.stream(Mode.values()).map(Mode::configName).toList();
    private static final List<String> GPU_POLICIES =
            Arrays.stream(GpuRequestPolicy.values()).map(p -> p.name().toLowerCase(Locale.ROOT)).toList();

    private final String section;
    private final String key;
    private final String environmentVariable;
    private final String systemProperty;
    private final String description;

    Setting(String section, String key, String environmentVariable, String systemProperty, String description) {
        this.section = section;
        this.key = key;
        this.environmentVariable = environmentVariable;
        this.systemProperty = systemProperty;
        this.description = description;
    }

    /** The YAML section, {@code reproducibility} or {@code strict}. */
    public String section() {
        return section;
    }

    /** The key inside its section, e.g. {@code require_env_vars}. */
    public String key() {
        return key;
    }

    /** {@code section.key}, e.g. {@code strict.require_env_vars}. */
    public String dottedKey() {
        return section + "." + key;
    }

    /** The environment variable that overrides everything else, e.g. {@code REPRO_MODE}, if the setting has one. */
    public Optional<String> environmentVariable() {
        return Optional.ofNullable(environmentVariable);
    }

    /** The system property (and JUnit configuration parameter), e.g. {@code repro4j.mode}. */
    public String systemProperty() {
        return systemProperty;
    }

    /** The built-in default as written in YAML (from {@link ReproducibilityConfig#defaults()}). */
    public String defaultValue() {
        return valueIn(ReproducibilityConfig.defaults());
    }

    /** What the setting means, in one sentence fragment. */
    public String description() {
        return description;
    }

    /** The value of this setting in {@code config}, as written in YAML and read back by {@link #fromText}. */
    public String valueIn(ReproducibilityConfig config) {
        return switch (this) {
            case MODE -> config.mode().configName();
            case SEED -> Long.toString(config.seed());
            case VERSION -> config.version();
            case REQUIRE_ENV_VARS -> Boolean.toString(config.requireEnvVars());
            case DISABLE_GPU_TREE_MODELS -> Boolean.toString(config.disableGpuTreeModels());
            case FORCE_SINGLE_THREAD -> Boolean.toString(config.forceSingleThread());
            case ENFORCE_STABLE_ORDERING -> Boolean.toString(config.enforceStableOrdering());
            case ON_GPU_REQUEST -> config.gpuRequestPolicy().name().toLowerCase(Locale.ROOT);
        };
    }

    /**
     * Every setting of {@code config} by system property, e.g. {@code repro4j.mode=strict}: what a child JVM is given
     * so that it trains under exactly the settings its parent resolved.
     */
    public static Map<String, String> asProperties(ReproducibilityConfig config) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Setting s : values()) {
            out.put(s.systemProperty, s.valueIn(config));
        }
        return out;
    }

    /**
     * The configuration {@link #asProperties} describes, over the built-in defaults for absent keys.
     *
     * @throws ConfigException naming the property whose value is invalid
     */
    public static ReproducibilityConfig fromProperties(Map<String, String> properties) {
        return Overrides.fromSystemProperties(properties).applyTo(ReproducibilityConfig.builder()).build();
    }

    static List<Setting> inSection(String section) {
        return Arrays.stream(values()).filter(s -> s.section.equals(section)).toList();
    }

    static Optional<Setting> find(String section, String key) {
        return Arrays.stream(values()).filter(s -> s.section.equals(section) && s.key.equals(key)).findFirst();
    }

    static String keysOf(String section) {
        return inSection(section).stream().map(Setting::key).collect(Collectors.joining(", "));
    }

    /** What a valid value looks like, for error messages. */
    String expected() {
        return switch (this) {
            case MODE -> "one of " + String.join(", ", MODES);
            case SEED -> "an integer (64-bit range), e.g. 42";
            case VERSION -> "a string such as v1";
            case ON_GPU_REQUEST -> "one of " + String.join(", ", GPU_POLICIES);
            default -> "true or false";
        };
    }

    /**
     * Parses a value from YAML; the node's tag tells YAML's type, so {@code seed: "42"} and {@code seed: 4.2} are
     * rejected while {@code seed: -7} and {@code seed: 0x2a} are accepted.
     *
     * @throws IllegalArgumentException with a description of what was found
     */
    Object fromNode(Node node) {
        if (!(node instanceof ScalarNode scalar)) {
            throw new IllegalArgumentException("expected " + expected() + ", got " + YamlDocument.describe(node));
        }
        Tag tag = scalar.getTag();
        if (Tag.NULL.equals(tag)) {
            throw new IllegalArgumentException("expected " + expected() + ", got an empty value");
        }
        return switch (this) {
            case MODE, ON_GPU_REQUEST -> fromText(scalar.getValue());
            case SEED -> {
                if (!Tag.INT.equals(tag)) {
                    throw new IllegalArgumentException("expected " + expected() + ", got " + YamlDocument.describe(node));
                }
                Object value = YamlDocument.scalarValue(scalar);
                BigInteger big = value instanceof BigInteger b ? b : BigInteger.valueOf(((Number) value).longValue());
                if (big.bitLength() > 63) {
                    throw new IllegalArgumentException("expected " + expected() + ", got " + big + ", which is out of range");
                }
                yield big.longValue();
            }
            case VERSION -> {
                if (!Tag.STR.equals(tag) || scalar.getValue().isBlank()) {
                    throw new IllegalArgumentException("expected " + expected() + ", got " + YamlDocument.describe(node));
                }
                yield scalar.getValue();
            }
            default -> {
                if (!Tag.BOOL.equals(tag)) {
                    throw new IllegalArgumentException("expected " + expected() + ", got " + YamlDocument.describe(node));
                }
                yield YamlDocument.scalarValue(scalar);
            }
        };
    }

    /**
     * Parses a value given as text (environment variable, system property).
     *
     * @throws IllegalArgumentException with a description of what was found
     */
    Object fromText(String raw) {
        String text = raw.trim();
        String lower = text.toLowerCase(Locale.ROOT);
        switch (this) {
            case MODE:
                for (Mode m : Mode.values()) {
                    if (m.configName().equals(lower)) {
                        return m;
                    }
                }
                throw new IllegalArgumentException("unknown mode '" + raw + "', expected " + expected());
            case ON_GPU_REQUEST:
                for (GpuRequestPolicy p : GpuRequestPolicy.values()) {
                    if (p.name().toLowerCase(Locale.ROOT).equals(lower)) {
                        return p;
                    }
                }
                throw new IllegalArgumentException("unknown value '" + raw + "', expected " + expected());
            case SEED:
                try {
                    return Long.parseLong(text);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("expected " + expected() + ", got '" + raw + "'");
                }
            case VERSION:
                if (text.isEmpty()) {
                    throw new IllegalArgumentException("expected " + expected() + ", got an empty value");
                }
                return text;
            default:
                return switch (lower) {
                    case "true", "yes", "on", "1" -> Boolean.TRUE;
                    case "false", "no", "off", "0" -> Boolean.FALSE;
                    default -> throw new IllegalArgumentException("expected " + expected() + ", got '" + raw + "'");
                };
        }
    }

    void applyTo(ReproducibilityConfig.Builder builder, Object value) {
        switch (this) {
            case MODE -> builder.mode((Mode) value);
            case SEED -> builder.seed((Long) value);
            case VERSION -> builder.version((String) value);
            case REQUIRE_ENV_VARS -> builder.requireEnvVars((Boolean) value);
            case DISABLE_GPU_TREE_MODELS -> builder.disableGpuTreeModels((Boolean) value);
            case FORCE_SINGLE_THREAD -> builder.forceSingleThread((Boolean) value);
            case ENFORCE_STABLE_ORDERING -> builder.enforceStableOrdering((Boolean) value);
            case ON_GPU_REQUEST -> builder.gpuRequestPolicy((GpuRequestPolicy) value);
        }
    }
}
