package io.repro4j.harness.config;

import io.repro4j.harness.Mode;
import io.repro4j.harness.ReproducibilityConfig;
import io.repro4j.harness.ReproducibilityConfig.GpuRequestPolicy;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/** One key of the reproducibility schema: its YAML path, its environment variable and system property, its type. */
enum Setting {
    MODE("reproducibility", "mode", "REPRO_MODE", "repro4j.mode"),
    SEED("reproducibility", "seed", "REPRO_SEED", "repro4j.seed"),
    VERSION("reproducibility", "version", "REPRO_VERSION", "repro4j.version"),
    REQUIRE_ENV_VARS("strict", "require_env_vars", null, "repro4j.strict.require_env_vars"),
    DISABLE_GPU_TREE_MODELS("strict", "disable_gpu_tree_models", null, "repro4j.strict.disable_gpu_tree_models"),
    FORCE_SINGLE_THREAD("strict", "force_single_thread", null, "repro4j.strict.force_single_thread"),
    ENFORCE_STABLE_ORDERING("strict", "enforce_stable_ordering", null, "repro4j.strict.enforce_stable_ordering"),
    ON_GPU_REQUEST("strict", "on_gpu_request", null, "repro4j.strict.on_gpu_request");

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

    Setting(String section, String key, String environmentVariable, String systemProperty) {
        this.section = section;
        this.key = key;
        this.environmentVariable = environmentVariable;
        this.systemProperty = systemProperty;
    }

    String section() {
        return section;
    }

    String key() {
        return key;
    }

    String dottedKey() {
        return section + "." + key;
    }

    Optional<String> environmentVariable() {
        return Optional.ofNullable(environmentVariable);
    }

    String systemProperty() {
        return systemProperty;
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
