/**
 * One run's snapshot tree: writing it ({@code snapshot.json}, metrics, metadata, predictions, importances), the
 * environment fingerprint, reading snapshots back (also the reference's), and {@code diff_prev.json}.
 */
package io.repro4j.harness.snapshot;
