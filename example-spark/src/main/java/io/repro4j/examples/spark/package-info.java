/**
 * The example pipeline's pooled ten-minute return model trained on Spark: the same synthetic market panel, features
 * and time split as {@code io.repro4j.examples}, laid out by symbol and time with {@code DeterministicSpark.canonical}
 * and trained by XGBoost4J-Spark with two workers. The tests under {@code src/test} check it with
 * {@code @DeterministicTraining}, and show what goes wrong without the canonical layout.
 */
package io.repro4j.examples.spark;
