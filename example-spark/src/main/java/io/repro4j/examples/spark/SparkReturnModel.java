package io.repro4j.examples.spark;

import io.repro4j.examples.ExperimentSettings;
import io.repro4j.examples.Metrics;
import io.repro4j.examples.ModelFrame;
import io.repro4j.examples.Trainer;
import io.repro4j.examples.TrainingTask;
import io.repro4j.harness.Dataset;
import io.repro4j.harness.Library;
import io.repro4j.spark.DeterministicSpark;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ml.dmlc.xgboost4j.scala.spark.XGBoostRegressionModel;
import ml.dmlc.xgboost4j.scala.spark.XGBoostRegressor;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Trains the pooled ten-minute return model ({@code fwd_ret_10m}, every symbol) on Spark: the panel's training rows
 * become a {@code DataFrame} of {@code symbol}, {@code ts} (epoch seconds of the bar), the feature columns and the label;
 * XGBoost4J-Spark trains it with {@link #WORKERS} workers and the experiment's XGBoost parameters, and predicts the
 * test period in (time, symbol) order.
 */
public final class SparkReturnModel {

    /** The target this model learns. */
    public static final String TARGET = "fwd_ret_10m";
    /** Distributed workers: part of the hyper-parameter signature, and the partition count of the layout. */
    public static final int WORKERS = 2;

    private final ExperimentSettings settings;
    private final Trainer trainer;

    /** The model of {@code settings}' market, features and training parameters. */
    public SparkReturnModel(ExperimentSettings settings) {
        this.settings = settings;
        this.trainer = new Trainer(settings);
    }

    /** How the training set reaches the workers. */
    public enum Layout {
        /** {@code DeterministicSpark.canonical(rows, WORKERS, "symbol", "ts")}: one layout for any input layout. */
        CANONICAL,
        /** {@code rows.repartition(WORKERS)}: round-robin over whatever partitions Spark happened to make. */
        REPARTITION_WITHOUT_KEYS
    }

    /**
     * What one training produced.
     *
     * @param frame the rows (the training rows are what a test records as its dataset)
     * @param predictions the test-period predictions in (time, symbol) order
     * @param metrics {@code rmse}, {@code rank_ic}, {@code n_train}, {@code n_test}
     */
    public record Result(ModelFrame frame, double[] predictions, Map<String, Object> metrics) {
    }

    /** Trains on {@code spark} with {@code seed}, the training set laid out as {@code layout} says. */
    public Result train(SparkSession spark, long seed, Layout layout) {
        ModelFrame frame = trainer.prepare(TrainingTask.crossSectional(Library.XGBOOST, TARGET));
        org.apache.spark.sql.Dataset<Row> rows = frame(spark, frame.train(), frame.trainRowIds());
        org.apache.spark.sql.Dataset<Row> train = layout == Layout.CANONICAL
                ? DeterministicSpark.canonical(rows, WORKERS, "symbol", "ts")
                : rows.repartition(WORKERS);
        XGBoostRegressor regressor = DeterministicSpark.xgboostRegressor(settings.params(Library.XGBOOST), seed,
                WORKERS);
        XGBoostRegressionModel model = DeterministicSpark.fit(regressor, train);
        List<Row> predicted = model.transform(frame(spark, frame.test(), frame.testRowIds()))
                .select("prediction").collectAsList();
        double[] predictions = predicted.stream().mapToDouble(r -> r.getDouble(0)).toArray();
        double[] actual = frame.test().labels();
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("rmse", Metrics.rmse(predictions, actual));
        metrics.put("rank_ic", Metrics.rankIc(predictions, actual));
        metrics.put("n_train", frame.train().rows());
        metrics.put("n_test", frame.test().rows());
        return new Result(frame, predictions, metrics);
    }

    /** The rows as a Spark frame with the assembled {@code features} vector, in the given (time, symbol) order. */
    static org.apache.spark.sql.Dataset<Row> frame(SparkSession spark, Dataset data, List<String> rowIds) {
        StructType schema = new StructType().add("symbol", DataTypes.StringType).add("ts", DataTypes.LongType);
        for (String name : data.featureNames()) {
            schema = schema.add(name, DataTypes.DoubleType);
        }
        schema = schema.add("label", DataTypes.DoubleType);
        List<Row> rows = new ArrayList<>();
        for (int r = 0; r < data.rows(); r++) {
            String[] id = rowIds.get(r).split("\\|", 2);
            Object[] values = new Object[data.columns() + 3];
            values[0] = id[0];
            values[1] = Instant.parse(id[1]).getEpochSecond();
            for (int c = 0; c < data.columns(); c++) {
                values[c + 2] = data.get(r, c);
            }
            values[data.columns() + 2] = data.label(r);
            rows.add(RowFactory.create(values));
        }
        return new VectorAssembler().setInputCols(data.featureNames().toArray(String[]::new)).setOutputCol("features")
                .transform(spark.createDataFrame(rows, schema));
    }
}
