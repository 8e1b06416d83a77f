/**
 * XGBoost4J: the adapter behind {@code Estimator} and {@link io.repro4j.harness.xgboost.DeterministicXGBoost}, the
 * native path for code that trains with {@code XGBoost.train} itself. Only this package links to XGBoost4J; the harness
 * reaches the adapter by class name, so nothing else needs the library on the class path.
 */
package io.repro4j.harness.xgboost;
