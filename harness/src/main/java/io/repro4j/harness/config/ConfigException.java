package io.repro4j.harness.config;

import io.repro4j.harness.Repro4jException;
import org.apiguardian.api.API;

/** A configuration file or value is malformed, unknown or of the wrong type; the message names file, line and key. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public class ConfigException extends Repro4jException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
