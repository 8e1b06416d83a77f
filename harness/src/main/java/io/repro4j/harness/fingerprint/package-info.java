/**
 * The reference pipeline's digests, bit for bit: Python float repr and rounding, canonical and Python JSON, metric,
 * prediction, signature and run-identity hashes, and the one SHA-256 helper everything hashes with.
 */
package io.repro4j.harness.fingerprint;
