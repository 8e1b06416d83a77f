/**
 * The JUnit 5 API of repro4j: {@link io.repro4j.junit.DeterministicTraining}, the {@link io.repro4j.junit.TrainingRun}
 * a test receives, the {@link io.repro4j.junit.Perturbation}s later runs get, and every setting in
 * {@link io.repro4j.junit.ConfigParameter}. Everything under {@code internal} may change without notice.
 */
package io.repro4j.junit;
