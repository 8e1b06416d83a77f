/**
 * The files that cross the process boundary: the request a child is started with, the result it writes back, the
 * perturbations of a run, and the barrier that orders the runs' snapshots. Both sides depend on this package; it
 * depends on neither.
 */
package io.repro4j.junit.internal.protocol;
