/**
 * Where and how repro4j writes: the one results-root lookup, the layout of a results root, safe names (nothing is
 * written outside the root), atomic writes, and the one JSON format of every file.
 */
package io.repro4j.harness.results;
