/**
 * The LightGBM adapter behind {@code Estimator} (through the official SWIG binding {@code lightgbmlib}) and what the
 * native path shares with it: the parameter text and the model-text digest. Only {@code LightGbmEstimator} links to
 * {@code lightgbmlib}; the harness reaches it by class name, so nothing else needs the library on the class path.
 */
package io.repro4j.harness.lightgbm;
