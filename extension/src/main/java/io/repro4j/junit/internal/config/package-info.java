/**
 * Settings the test JVM resolves before anything is forked: the validated annotation, the extension's own
 * parameters, and the experiment with its reproducibility settings. A wrong value fails here, naming the key.
 */
package io.repro4j.junit.internal.config;
