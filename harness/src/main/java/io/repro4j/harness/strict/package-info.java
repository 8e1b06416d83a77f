/**
 * The strict environment: the process variables and JVM flags a deterministic JVM is started with, and the check
 * that refuses to train in a strict-mode JVM that lacks them.
 */
package io.repro4j.harness.strict;
