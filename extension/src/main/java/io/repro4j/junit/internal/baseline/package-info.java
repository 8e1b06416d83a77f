/**
 * The regression gate: compares a reproducible test's fingerprints with its committed baseline, judges a moved
 * fingerprint together with the environment (drift), writes baselines in update mode, and finds orphans.
 */
package io.repro4j.junit.internal.baseline;
