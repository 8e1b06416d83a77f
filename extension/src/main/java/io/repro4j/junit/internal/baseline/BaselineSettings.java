package io.repro4j.junit.internal.baseline;

import io.repro4j.junit.ConfigParameter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apiguardian.api.API;

/**
 * How baselines are handled in this test JVM, from JUnit configuration parameters (which fall back to system
 * properties) and the {@code CI} environment variable.
 *
 * @param mode verify, update or off
 * @param directory where {@code <test-key>.json} baselines live
 * @param onDrift what to do when fingerprints moved and the environment changed
 * @param ci whether a missing baseline is a failure rather than something to write
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public record BaselineSettings(BaselineMode mode, Path directory, DriftPolicy onDrift, boolean ci) {

    /** {@link ConfigParameter#BASELINE}. */
    public static final String MODE = ConfigParameter.BASELINE.key();
    /** {@link ConfigParameter#BASELINE_DIR}; relative paths resolve against the working directory (the module). */
    public static final String DIRECTORY = ConfigParameter.BASELINE_DIR.key();
    /** {@link ConfigParameter#BASELINE_ON_DRIFT}. */
    public static final String ON_DRIFT = ConfigParameter.BASELINE_ON_DRIFT.key();
    /** {@link ConfigParameter#CI}: when set, wins over the {@code CI} environment variable (lets tests act as CI). */
    public static final String CI = ConfigParameter.CI.key();
    /** The default baseline directory, relative to the module directory. */
    public static final String DEFAULT_DIRECTORY = ConfigParameter.BASELINE_DIR.defaultValue();

    /**
     * Resolves the settings.
     *
     * @param parameters configuration parameter lookup ({@code ExtensionContext::getConfigurationParameter})
     * @param environment the process environment
     */
    public static BaselineSettings resolve(Function<String, Optional<String>> parameters,
                                           Map<String, String> environment) {
        BaselineMode mode = BaselineMode.parse(parameters.apply(MODE).orElse(null));
        Path directory = Path.of(parameters.apply(DIRECTORY).filter(s -> !s.isBlank()).orElse(DEFAULT_DIRECTORY));
        DriftPolicy onDrift = DriftPolicy.parse(parameters.apply(ON_DRIFT).orElse(null));
        boolean ci = parameters.apply(CI).filter(s -> !s.isBlank())
                .map(s -> Boolean.parseBoolean(s.trim()))
                .orElseGet(() -> isSet(environment.get(ConfigParameter.CI.environmentVariable().orElseThrow())));
        return new BaselineSettings(mode, directory, onDrift, ci);
    }

    /** Resolves from system properties and this process's environment. */
    public static BaselineSettings fromSystem() {
        return resolve(key -> Optional.ofNullable(System.getProperty(key)), System.getenv());
    }

    /** The baseline file of a test. */
    public Path fileFor(String testKey) {
        return directory.resolve(testKey + ".json");
    }

    // CI systems set CI=true (GitHub, GitLab) or CI=1; "false"/"0" mean a developer turned it off.
    private static boolean isSet(String value) {
        return value != null && !value.isBlank() && !value.equalsIgnoreCase("false") && !value.equals("0");
    }
}
