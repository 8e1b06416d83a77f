package io.repro4j.harness.config;

import io.repro4j.harness.ReproducibilityConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import org.apiguardian.api.API;
import org.yaml.snakeyaml.nodes.MappingNode;

/**
 * Loads {@code config/reproducibility.yaml} and experiment files with precedence applied: environment
 * ({@code REPRO_MODE}, {@code REPRO_SEED}, {@code REPRO_VERSION}) over system properties ({@code repro4j.mode},
 * {@code repro4j.seed}, {@code repro4j.version}, {@code repro4j.strict.<key>}) over the experiment file over
 * {@code reproducibility.yaml} over {@link ReproducibilityConfig#defaults()}. Without any config directory the
 * defaults apply.
 *
 * <p>Every problem is a {@link ConfigException} naming the file, the line and the dotted key.
 *
 * <pre>{@code
 * ConfigLoader loader = ConfigLoader.fromEnvironment();
 * Optional<ExperimentConfig> experiment = loader.experiment("determinism_test", false);
 * ReproducibilityConfig config = loader.reproducibility(experiment.orElse(null));
 * }</pre>
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class ConfigLoader {

    /** System property naming the config directory explicitly. */
    public static final String CONFIG_DIR_PROPERTY = "repro4j.configDir";
    /** The defaults file inside the config directory. */
    public static final String REPRODUCIBILITY_FILE = "reproducibility.yaml";
    /** The folder of experiment files inside the config directory. */
    public static final String EXPERIMENTS_DIR = "experiments";

    private static final Pattern EXPERIMENT_NAME = Pattern.compile("[A-Za-z0-9._-]{1,128}");
    private static final List<String> BASE_KEYS = List.of(Setting.REPRODUCIBILITY_SECTION, Setting.STRICT_SECTION);
    private static final List<String> EXPERIMENT_KEYS =
            List.of("description", Setting.REPRODUCIBILITY_SECTION, Setting.STRICT_SECTION, "data", "targets", "training");
    private static final Set<String> FREE_FORM_SECTIONS = Set.of("data", "targets", "training");

    private final Path configDir;
    private final Map<String, String> environment;
    private final Map<String, String> systemProperties;

    /**
     * A loader over explicit inputs (tests, the CLI).
     *
     * @param configDirOrNull the config directory; {@code null} when there is none
     * @param env the process environment to read {@code REPRO_*} from
     * @param systemProperties the system properties to read {@code repro4j.*} from
     */
    public ConfigLoader(Path configDirOrNull, Map<String, String> env, Map<String, String> systemProperties) {
        this.configDir = configDirOrNull == null ? null : configDirOrNull.toAbsolutePath().normalize();
        this.environment = Collections.unmodifiableMap(new HashMap<>(Objects.requireNonNull(env, "env")));
        this.systemProperties = Collections.unmodifiableMap(
                new HashMap<>(Objects.requireNonNull(systemProperties, "systemProperties")));
    }

    /**
     * A loader reading the real environment, system properties and the config directory discovered from the
     * working directory.
     *
     * @throws ConfigException when {@code repro4j.configDir} names a directory that does not exist
     */
    public static ConfigLoader fromEnvironment() {
        Map<String, String> properties = currentSystemProperties();
        Path start = Path.of(properties.getOrDefault("user.dir", "")).toAbsolutePath();
        return new ConfigLoader(findConfigDir(start, properties).orElse(null), System.getenv(), properties);
    }

    /**
     * The config directory: {@code repro4j.configDir} if set (relative paths resolve against {@code start}; it must
     * exist), else the nearest {@code config/} directory, walking up from {@code start}, that contains
     * {@code reproducibility.yaml} or {@code experiments/}.
     *
     * @param start where to start looking, normally the working directory
     * @throws ConfigException when {@code repro4j.configDir} is set but is not a directory
     */
    public static Optional<Path> findConfigDir(Path start, Map<String, String> systemProperties) {
        String explicit = systemProperties.get(CONFIG_DIR_PROPERTY);
        Path from = start.toAbsolutePath().normalize();
        if (explicit != null && !explicit.isBlank()) {
            Path dir;
            try {
                dir = from.resolve(explicit.trim()).normalize();
            } catch (InvalidPathException e) {
                throw new ConfigException("System property " + CONFIG_DIR_PROPERTY + "='" + explicit
                        + "' is not a valid path: " + e.getMessage() + ".", e);
            }
            if (!Files.isDirectory(dir)) {
                throw new ConfigException("System property " + CONFIG_DIR_PROPERTY + "='" + explicit + "' points to "
                        + dir + ", which " + (Files.exists(dir) ? "is not a directory" : "does not exist")
                        + ". Point it at the folder holding " + REPRODUCIBILITY_FILE + " and " + EXPERIMENTS_DIR
                        + "/, or remove it to search upwards from " + from + ".");
            }
            return Optional.of(dir);
        }
        for (Path dir = from; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("config");
            if (Files.isDirectory(candidate) && (Files.isRegularFile(candidate.resolve(REPRODUCIBILITY_FILE))
                    || Files.isDirectory(candidate.resolve(EXPERIMENTS_DIR)))) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The config directory this loader reads, if any. */
    public Optional<Path> configDir() {
        return Optional.ofNullable(configDir);
    }

    /** {@code reproducibility.yaml} in the config directory, when it exists. */
    public Optional<Path> reproducibilityFile() {
        return configDir().map(d -> d.resolve(REPRODUCIBILITY_FILE)).filter(Files::isRegularFile);
    }

    /**
     * The reproducibility settings without an experiment's overrides.
     *
     * @throws ConfigException when a file or an environment / system-property value is invalid
     */
    public ReproducibilityConfig reproducibility() {
        return reproducibility(null);
    }

    /**
     * The reproducibility settings with {@code experimentOrNull}'s overrides applied between
     * {@code reproducibility.yaml} and the system properties.
     *
     * @throws ConfigException when a file or an environment / system-property value is invalid
     */
    public ReproducibilityConfig reproducibility(ExperimentConfig experimentOrNull) {
        ReproducibilityConfig.Builder builder = ReproducibilityConfig.defaults().toBuilder();
        Optional<Path> base = reproducibilityFile();
        if (base.isPresent()) {
            Path file = base.get();
            Overrides.fromFile(file, topLevel(file, YamlDocument.parse(file), BASE_KEYS)).applyTo(builder);
            builder.source(file);
        }
        if (experimentOrNull != null) {
            experimentOrNull.overrides().applyTo(builder);
            builder.source(experimentOrNull.path());
        }
        Overrides.fromSystemProperties(systemProperties).applyTo(builder);
        Overrides.fromEnvironment(environment).applyTo(builder);
        return builder.build();
    }

    /**
     * The experiment {@code config/experiments/<name>.yaml} ({@code name} may also end in {@code .yaml}).
     *
     * @param mustExist {@code false}: empty when the file or the config directory is absent; {@code true}: absence
     *     is an error
     * @throws ConfigException when the name is invalid, the file must exist but does not, or it is invalid
     */
    public Optional<ExperimentConfig> experiment(String name, boolean mustExist) {
        Objects.requireNonNull(name, "name");
        String bare = name.endsWith(".yaml") ? name.substring(0, name.length() - ".yaml".length()) : name;
        if (!EXPERIMENT_NAME.matcher(bare).matches() || bare.contains("..")) {
            throw new ConfigException("Invalid experiment name '" + name + "': use 1-128 characters from "
                    + "[A-Za-z0-9._-] without '..' (it names config/" + EXPERIMENTS_DIR + "/<name>.yaml).");
        }
        if (configDir == null) {
            if (mustExist) {
                throw new ConfigException("Experiment '" + bare + "' not found: no config directory (looked for "
                        + "config/" + EXPERIMENTS_DIR + "/" + bare + ".yaml walking up from the working directory "
                        + systemProperties.getOrDefault("user.dir", "") + "). Create it, or set -D"
                        + CONFIG_DIR_PROPERTY + "=<dir>.");
            }
            return Optional.empty();
        }
        Path experiments = configDir.resolve(EXPERIMENTS_DIR);
        Path file = experiments.resolve(bare + ".yaml").normalize();
        if (!Files.isRegularFile(file)) {
            if (mustExist) {
                throw new ConfigException("Experiment '" + bare + "' not found: " + file + " does not exist (config "
                        + "directory " + configDir + "). Create the file or pick another experiment name.");
            }
            return Optional.empty();
        }
        ensureInside(file, configDir);
        return Optional.of(readExperiment(bare, file));
    }

    private static ExperimentConfig readExperiment(String name, Path file) {
        MappingNode root = YamlDocument.parse(file);
        List<YamlDocument.Entry> entries = topLevel(file, root, EXPERIMENT_KEYS);
        Map<String, Object> document = new LinkedHashMap<>();
        Map<String, Integer> lines = new HashMap<>();
        for (YamlDocument.Entry entry : entries) {
            if (FREE_FORM_SECTIONS.contains(entry.key()) || BASE_KEYS.contains(entry.key())) {
                YamlDocument.section(file, entry); // a mapping or empty, else an error naming the key
            } else if (entry.key().equals("description")) {
                if (!(entry.value() instanceof org.yaml.snakeyaml.nodes.ScalarNode)) {
                    throw new ConfigException(YamlDocument.where(file, entry.value().getStartMark())
                            + "key 'description' must be a string, got " + YamlDocument.describe(entry.value()) + ".");
                }
            }
            document.put(entry.key(), YamlDocument.toValue(file, entry.value(), entry.key(), lines));
        }
        Overrides overrides = Overrides.fromFile(file, entries);
        return new ExperimentConfig(name, file, Collections.unmodifiableMap(document), lines, overrides);
    }

    /** The top-level entries, each of which must be one of {@code allowed}. */
    private static List<YamlDocument.Entry> topLevel(Path file, MappingNode root, List<String> allowed) {
        List<YamlDocument.Entry> entries = YamlDocument.entries(file, root, "");
        for (YamlDocument.Entry entry : entries) {
            if (allowed.contains(entry.key())) {
                continue;
            }
            String hint = YamlDocument.closest(entry.key(), allowed).map(k -> " Did you mean '" + k + "'?")
                    .or(() -> java.util.Arrays.stream(Setting.values()).filter(s -> s.key().equals(entry.key()))
                            .findFirst().map(s -> " Did you mean '" + s.dottedKey() + "' (indented under '"
                                    + s.section() + ":')?"))
                    .orElse("");
            throw new ConfigException(YamlDocument.where(file, entry.keyNode().getStartMark()) + "unknown key '"
                    + entry.key() + "'." + hint + " Allowed top-level keys: " + String.join(", ", allowed) + ".");
        }
        return entries;
    }

    /** Refuses files that resolve (through symbolic links) outside the config directory. */
    private static void ensureInside(Path file, Path dir) {
        try {
            Path realFile = file.toRealPath();
            Path realDir = dir.toRealPath();
            if (!realFile.startsWith(realDir)) {
                throw new ConfigException("Refusing to read " + file + ": it resolves to " + realFile
                        + ", outside the config directory " + realDir + ".");
            }
        } catch (IOException e) {
            throw new ConfigException("Cannot read " + file + ": " + e, e);
        }
    }

    /** This JVM's system properties as a map of strings (a copy), as the loader and the strict check read them. */
    public static Map<String, String> currentSystemProperties() {
        Properties properties = System.getProperties();
        Map<String, String> copy = new HashMap<>();
        for (String name : properties.stringPropertyNames()) {
            copy.put(name, properties.getProperty(name));
        }
        return copy;
    }
}
