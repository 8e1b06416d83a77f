/**
 * The parent side of the process boundary: plans a test's child JVMs (environment, flags, class path, class-data
 * archive), launches them bounded in parallel, supervises them (timeouts, kills of whole process trees) and always
 * cleans up. Nothing in {@code child} imports this package.
 */
package io.repro4j.junit.internal.fork;
