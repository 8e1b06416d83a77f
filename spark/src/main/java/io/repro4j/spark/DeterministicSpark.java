package io.repro4j.spark;

import io.repro4j.harness.Determinism;
import io.repro4j.harness.Repro4jException;
import io.repro4j.harness.estimator.LedgerEntry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import ml.dmlc.xgboost4j.scala.spark.XGBoostClassificationModel;
import ml.dmlc.xgboost4j.scala.spark.XGBoostClassifier;
import ml.dmlc.xgboost4j.scala.spark.XGBoostRegressionModel;
import ml.dmlc.xgboost4j.scala.spark.XGBoostRegressor;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.BinaryType;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.TimestampNTZType;
import org.apache.spark.sql.types.TimestampType;
import org.apiguardian.api.API;

/**
 * XGBoost4J-Spark through the choke point. Multi-worker XGBoost is reproducible only when every run gives every worker
 * the same rows in the same order; this class builds the estimators with the mode's policy, lays a training set out
 * canonically, and fingerprints what trained:
 *
 * <pre>{@code
 * SparkSession spark = DeterministicSpark.session(2);                       // local[2], no UI, loopback
 * Dataset<Row> train = DeterministicSpark.canonical(features, 2, "symbol", "ts");
 * XGBoostRegressor regressor = DeterministicSpark.xgboostRegressor(
 *         Map.of("max_depth", 4, "num_round", 50, "nthread", 8), run.seed(), 2);   // nthread becomes 1
 * XGBoostRegressionModel model = DeterministicSpark.fit(regressor, train);  // model_sha256: the booster's bytes
 * }</pre>
 *
 * <p>The estimators are XGBoost4J-Spark's own ({@code ml.dmlc:xgboost4j-spark_2.12}, 3.4.0 tested, with Spark 3.5):
 * set their columns ({@code setFeaturesCol}, {@code setLabelCol}, …) as usual. Their parameters come from the map,
 * under XGBoost's names or the aliases {@code Determinism.createEstimator} accepts, with the policy applied: both modes
 * set the seed, {@code seed_per_iteration=true}, {@code num_workers} (the argument: the model depends on it, so it is
 * part of the hyper-parameter signature) and {@code force_repartition=false}; strict mode adds {@code device=cpu},
 * {@code tree_method=hist} and {@code nthread=1} per worker, rewriting GPU requests and thread counts. Every call is an
 * entry in the estimator ledger. A parameter XGBoost4J-Spark does not know is refused (the library itself would ignore
 * it silently), and so is a policy setting changed on the estimator after it was built.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2.0")
public final class DeterministicSpark {

    private DeterministicSpark() {
    }

    /**
     * A {@code XGBoostRegressor} trained by {@code numWorkers} workers, with the policy applied and recorded.
     *
     * @param params XGBoost parameters (any alias), e.g. {@code max_depth}, {@code eta}, {@code num_round}; never
     *     modified; {@code num_round} defaults to XGBoost4J-Spark's own 100, recorded
     * @param seed the train seed, e.g. {@code TrainingRun.seed()} (normalised into {@code [1, 2^31 - 2]})
     * @param numWorkers how many workers train, at least 1: lay the training set out in exactly this many partitions
     *     ({@link #canonical})
     * @throws io.repro4j.harness.strict.StrictEnvironmentException in strict mode (with
     *     {@code strict.require_env_vars: true}) when this JVM was not started in the strict environment
     * @throws Repro4jException when a parameter is unknown to XGBoost4J-Spark or invalid, or strict mode is configured
     *     to fail on a GPU request
     */
    public static XGBoostRegressor xgboostRegressor(Map<String, ?> params, long seed, int numWorkers) {
        return SparkTraining.start(LedgerEntry.EntryPoint.SPARK_XGBOOST_REGRESSOR, params, seed, numWorkers,
                XGBoostRegressor::new, XGBoostRegressor::new);
    }

    /**
     * A {@code XGBoostClassifier} trained by {@code numWorkers} workers, with the policy applied and recorded; binary or
     * multiclass as XGBoost4J-Spark decides from the labels (or {@code objective} / {@code num_class}).
     *
     * @param params XGBoost parameters (any alias); never modified; {@code num_round} defaults to 100, recorded
     * @param seed the train seed (normalised into {@code [1, 2^31 - 2]})
     * @param numWorkers how many workers train, at least 1
     * @throws io.repro4j.harness.strict.StrictEnvironmentException in strict mode (with
     *     {@code strict.require_env_vars: true}) when this JVM was not started in the strict environment
     * @throws Repro4jException when a parameter is unknown to XGBoost4J-Spark or invalid, or strict mode is configured
     *     to fail on a GPU request
     */
    public static XGBoostClassifier xgboostClassifier(Map<String, ?> params, long seed, int numWorkers) {
        return SparkTraining.start(LedgerEntry.EntryPoint.SPARK_XGBOOST_CLASSIFIER, params, seed, numWorkers,
                XGBoostClassifier::new, XGBoostClassifier::new);
    }

    /**
     * The deterministic layout of a training set for {@code numWorkers} workers: hash-partitioned by
     * {@code keyColumns} into exactly {@code numWorkers} partitions, each sorted by the keys (then by the remaining
     * sortable columns, so rows with equal keys still have one order). Which rows a worker gets and in which order then
     * depend on the data alone, not on how it was read or on Spark's partitioning defaults. Keys should be stable
     * identifiers of a row (symbol and timestamp, an id); for a ranker put the group column first. Range partitioning
     * would not do: its bounds come from sampling.
     *
     * @param data the training set
     * @param numWorkers the estimator's number of workers, at least 1
     * @param keyColumns at least one column of {@code data}
     * @throws Repro4jException when no key is given, a key is not a column, or {@code numWorkers} is below 1
     */
    public static Dataset<Row> canonical(Dataset<Row> data, int numWorkers, String... keyColumns) {
        SparkTraining.requireWorkers(numWorkers);
        if (keyColumns == null || keyColumns.length == 0) {
            throw new Repro4jException("DeterministicSpark.canonical needs at least one key column to hash-partition"
                    + " and sort by, e.g. canonical(data, " + numWorkers + ", \"symbol\", \"ts\"); the columns are "
                    + Arrays.toString(data.columns()));
        }
        List<String> columns = Arrays.asList(data.columns());
        Set<String> keys = new LinkedHashSet<>(Arrays.asList(keyColumns));
        for (String key : keys) {
            if (!columns.contains(key)) {
                throw new Repro4jException("DeterministicSpark.canonical: key column '" + key + "' is not a column of"
                        + " the training set " + columns + "; name the columns that identify a row");
            }
        }
        List<Column> order = new ArrayList<>();
        keys.forEach(k -> order.add(data.col(k)));
        for (StructField field : data.schema().fields()) {
            if (!keys.contains(field.name()) && sortable(field.dataType())) {
                order.add(data.col(field.name()));
            }
        }
        Column[] partitionBy = keys.stream().map(data::col).toArray(Column[]::new);
        return data.repartition(numWorkers, partitionBy).sortWithinPartitions(order.toArray(Column[]::new));
    }

    /**
     * Trains {@code regressor} (built by {@link #xgboostRegressor}) on {@code data} and records the SHA-256 of the
     * native booster's bytes ({@code toByteArray("ubj")}) as the model digest; the saved model directory is not
     * hashed, since its metadata holds a timestamp and a random uid. Records Spark's version, master, threads and
     * {@code spark.*} settings in the environment fingerprint.
     *
     * @throws Repro4jException when {@code regressor} was not built by {@link #xgboostRegressor}, a policy setting was
     *     changed on it since, or (strict mode) {@code data} has a partition count other than {@code numWorkers} or the
     *     session runs on a master that is neither local nor configured on purpose ({@code repro4j.spark.master})
     */
    public static XGBoostRegressionModel fit(XGBoostRegressor regressor, Dataset<Row> data) {
        return SparkTraining.of(regressor).fit(regressor, data, regressor::fit);
    }

    /**
     * Trains {@code classifier} (built by {@link #xgboostClassifier}) on {@code data} and records the SHA-256 of the
     * native booster's bytes as the model digest, as {@link #fit(XGBoostRegressor, Dataset)} does.
     *
     * @throws Repro4jException as {@link #fit(XGBoostRegressor, Dataset)}
     */
    public static XGBoostClassificationModel fit(XGBoostClassifier classifier, Dataset<Row> data) {
        return SparkTraining.of(classifier).fit(classifier, data, classifier::fit);
    }

    /**
     * A Spark session for {@code numWorkers} workers in this JVM: {@code local[numWorkers]}, web UI off, driver on
     * 127.0.0.1; or the master configured on purpose with {@code repro4j.spark.master} (e.g. a cluster, or
     * {@code local-cluster[2,1,1024]}: workers as separate JVMs on this machine). Returns the active session when there
     * is one. In strict mode every Spark task thread trains one XGBoost worker with one thread.
     *
     * @throws Repro4jException on Java 24 or newer with Spark 3 (Hadoop fails there), or when {@code numWorkers} is
     *     below 1
     */
    public static SparkSession session(int numWorkers) {
        SparkTraining.requireWorkers(numWorkers);
        return SparkSessions.start(numWorkers, Determinism.loadReproducibilityConfig());
    }

    private static boolean sortable(DataType type) {
        return type instanceof NumericType || type instanceof StringType || type instanceof BooleanType
                || type instanceof DateType || type instanceof TimestampType || type instanceof TimestampNTZType
                || type instanceof BinaryType;
    }
}
