/**
 * The reference pipeline's seed functions, bit for bit: {@code normalize_seed}, {@code resolve_seed},
 * {@code stable_seed_from}, and Python's {@code str()} they are built on.
 */
package io.repro4j.harness.seed;
