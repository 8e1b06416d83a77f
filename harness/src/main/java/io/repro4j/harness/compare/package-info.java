/**
 * Compares snapshots: the fingerprint fields of two runs with what moved and by how much, and whole snapshot trees
 * (paired by target, view, symbol and cohort) for {@code repro4j diff} and {@code verify}.
 */
package io.repro4j.harness.compare;
