/**
 * The extension's implementation. {@link io.repro4j.junit.internal.ParentInvocation} runs one annotated test in the
 * test JVM from start to end; the sub-packages hold its roles: {@code config}, {@code fork} (parent side),
 * {@code protocol} (the files between parent and child), {@code child} (inside the child JVM), {@code verdict},
 * {@code baseline}, {@code report}.
 */
package io.repro4j.junit.internal;
