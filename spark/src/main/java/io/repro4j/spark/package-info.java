/**
 * XGBoost4J-Spark through repro4j's choke point: {@link io.repro4j.spark.DeterministicSpark} builds the real
 * {@code XGBoostRegressor} / {@code XGBoostClassifier} with the mode's policy applied and a ledger entry, lays a
 * training set out canonically (hash-partitioned by stable keys into exactly {@code numWorkers} partitions, sorted
 * within them), trains it, and fingerprints the native booster. Spark and xgboost4j-spark are {@code provided}: the
 * user's versions. The other classes here are internal.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2.0")
package io.repro4j.spark;

import org.apiguardian.api.API;
