/**
 * Code that runs inside a child JVM: its entry point checks the strict environment before anything can load native
 * code, runs exactly one test invocation through the JUnit Launcher, gives the test its {@code TrainingRun}, and
 * writes the snapshot and the result file. It imports only {@code protocol}, never the parent's launching code.
 */
package io.repro4j.junit.internal.child;
