/**
 * Turns the children's outcomes into a verdict: compares their snapshots with run 1's, explains what moved (first
 * line, details, hints), names crashes, timeouts and exit codes, and publishes the fingerprints of the test.
 */
package io.repro4j.junit.internal.verdict;
