package io.repro4j.harness.config;

import io.repro4j.harness.ReproducibilityConfig;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.yaml.snakeyaml.nodes.MappingNode;

/** The settings one source (a file, the system properties, the environment) sets; absent keys fall through. */
final class Overrides {

    static final Overrides NONE = new Overrides(new EnumMap<>(Setting.class));

    private final Map<Setting, Object> values;

    private Overrides(EnumMap<Setting, Object> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    Map<Setting, Object> values() {
        return values;
    }

    ReproducibilityConfig.Builder applyTo(ReproducibilityConfig.Builder builder) {
        values.forEach((setting, value) -> setting.applyTo(builder, value));
        return builder;
    }

    /** Reads the {@code reproducibility} and {@code strict} sections among a file's top-level entries. */
    static Overrides fromFile(Path file, List<YamlDocument.Entry> topLevel) {
        EnumMap<Setting, Object> values = new EnumMap<>(Setting.class);
        for (YamlDocument.Entry section : topLevel) {
            if (!section.key().equals(Setting.REPRODUCIBILITY_SECTION) && !section.key().equals(Setting.STRICT_SECTION)) {
                continue;
            }
            Optional<MappingNode> mapping = YamlDocument.section(file, section);
            if (mapping.isEmpty()) {
                continue;
            }
            for (YamlDocument.Entry entry : YamlDocument.entries(file, mapping.get(), section.key())) {
                Setting setting = Setting.find(section.key(), entry.key()).orElseThrow(() -> unknownKey(file, section.key(), entry));
                try {
                    values.put(setting, setting.fromNode(entry.value()));
                } catch (IllegalArgumentException e) {
                    throw new ConfigException(YamlDocument.where(file, entry.value().getStartMark()) + "key '"
                            + entry.dottedKey() + "': " + e.getMessage() + ".");
                }
            }
        }
        return new Overrides(values);
    }

    private static ConfigException unknownKey(Path file, String section, YamlDocument.Entry entry) {
        List<String> known = Setting.inSection(section).stream().map(Setting::key).toList();
        String hint = YamlDocument.closest(entry.key(), known).map(k -> " Did you mean '" + k + "'?").orElse("");
        return new ConfigException(YamlDocument.where(file, entry.keyNode().getStartMark()) + "unknown key '"
                + entry.dottedKey() + "'." + hint + " Known keys under '" + section + "': " + Setting.keysOf(section)
                + ".");
    }

    /**
     * Reads {@code repro4j.mode}, {@code repro4j.seed}, {@code repro4j.version} and {@code repro4j.strict.*};
     * an unknown {@code repro4j.strict.*} property is an error, since a typo there would silently do nothing.
     */
    static Overrides fromSystemProperties(Map<String, String> properties) {
        EnumMap<Setting, Object> values = new EnumMap<>(Setting.class);
        // Sorted so the first error reported does not depend on hash order.
        for (Map.Entry<String, String> p : new TreeMap<>(properties).entrySet()) {
            String name = p.getKey();
            Optional<Setting> setting = java.util.Arrays.stream(Setting.values())
                    .filter(s -> s.systemProperty().equals(name)).findFirst();
            if (setting.isEmpty()) {
                if (name.startsWith(Setting.STRICT_PROPERTY_PREFIX)) {
                    String key = name.substring(Setting.STRICT_PROPERTY_PREFIX.length());
                    List<String> known = Setting.inSection(Setting.STRICT_SECTION).stream().map(Setting::key).toList();
                    String hint = YamlDocument.closest(key, known)
                            .map(k -> " Did you mean '" + Setting.STRICT_PROPERTY_PREFIX + k + "'?").orElse("");
                    throw new ConfigException("Unknown system property '" + name + "'." + hint + " Known: "
                            + Setting.inSection(Setting.STRICT_SECTION).stream().map(Setting::systemProperty).toList()
                            + ".");
                }
                continue;
            }
            if (p.getValue() == null || p.getValue().isBlank()) {
                continue;
            }
            try {
                values.put(setting.get(), setting.get().fromText(p.getValue()));
            } catch (IllegalArgumentException e) {
                throw new ConfigException("System property " + name + "='" + p.getValue() + "' (for '"
                        + setting.get().dottedKey() + "'): " + e.getMessage() + ". Fix or remove -D" + name + ".");
            }
        }
        return new Overrides(values);
    }

    /** Reads {@code REPRO_MODE}, {@code REPRO_SEED}, {@code REPRO_VERSION}; a blank value counts as unset. */
    static Overrides fromEnvironment(Map<String, String> environment) {
        EnumMap<Setting, Object> values = new EnumMap<>(Setting.class);
        for (Setting setting : Setting.values()) {
            Optional<String> variable = setting.environmentVariable();
            if (variable.isEmpty()) {
                continue;
            }
            String text = environment.get(variable.get());
            if (text == null || text.isBlank()) {
                continue;
            }
            try {
                values.put(setting, setting.fromText(text));
            } catch (IllegalArgumentException e) {
                throw new ConfigException("Environment variable " + variable.get() + "='" + text + "' (for '"
                        + setting.dottedKey() + "'): " + e.getMessage() + ". Fix or unset " + variable.get() + ".");
            }
        }
        return new Overrides(values);
    }
}
