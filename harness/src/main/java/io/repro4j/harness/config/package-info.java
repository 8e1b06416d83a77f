/**
 * Reads {@code config/reproducibility.yaml} and experiment files with precedence applied (environment, system
 * properties, experiment, defaults file, built-in defaults); every key is defined once in
 * {@link io.repro4j.harness.config.Setting}, and every error names the file, the line and the key.
 */
package io.repro4j.harness.config;
