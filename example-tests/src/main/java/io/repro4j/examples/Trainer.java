package io.repro4j.examples;

import io.repro4j.harness.Dataset;
import io.repro4j.harness.Determinism;
import io.repro4j.harness.Estimator;
import io.repro4j.harness.ProblemKind;
import io.repro4j.harness.View;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Trains the example intraday models: builds features and labels from the synthetic market, splits them by time,
 * creates the estimator through {@link Determinism#createEstimator} with the seed derived for the task, fits,
 * predicts the test period and evaluates.
 *
 * <pre>{@code
 * Trainer trainer = new Trainer(settings);
 * TrainingResult result = trainer.train(TrainingTask.crossSectional(Library.XGBOOST, "fwd_ret_10m"));
 * double ic = (double) result.metrics().get("rank_ic");
 * }</pre>
 *
 * <p>Rows are ordered by (time, symbol) and columns by {@link MarketFeature} order, so the same settings always
 * give the same datasets, bit for bit. Not thread-safe: use one trainer per thread.
 */
public final class Trainer {

    /** The seed-derivation phase of model training, as in the reference pipeline. */
    public static final String TRAINING_PHASE = "training";

    private final ExperimentSettings settings;
    private MarketPanel panel;

    public Trainer(ExperimentSettings settings) {
        this.settings = settings;
    }

    /** The experiment's settings. */
    public ExperimentSettings settings() {
        return settings;
    }

    /** The synthetic market of the experiment, generated on first use. */
    public MarketPanel market() {
        if (panel == null) {
            panel = SyntheticMarket.generate(settings.generatorSeed(), settings.symbols(), settings.barsPerSymbol());
        }
        return panel;
    }

    /**
     * The seed of {@code task}: {@code resolveSeed("training", target, symbol, view)} under the configured global
     * seed and version.
     */
    public long seedFor(TrainingTask task) {
        return Determinism.resolveSeed(TRAINING_PHASE, task.target(), task.symbol(), task.view().name());
    }

    /** Trains {@code task} on the standard feature set with its derived seed. */
    public TrainingResult train(TrainingTask task) {
        return train(task, prepare(task), seedFor(task));
    }

    /** The standard training and test rows of {@code task}: every {@link MarketFeature}, in declaration order. */
    public ModelFrame prepare(TrainingTask task) {
        return prepare(task, List.of(MarketFeature.values()));
    }

    /** Training and test rows of {@code task} with the given feature columns, in the given order. */
    public ModelFrame prepare(TrainingTask task, List<MarketFeature> columns) {
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("a model needs at least one feature column");
        }
        TargetSpec target = settings.target(task.target());
        List<String> symbols = task.view() == View.CROSS_SECTIONAL ? market().symbols() : List.of(task.symbol());

        List<Row> rows = new ArrayList<>();
        for (String symbol : symbols) {
            List<Bar> bars = market().series(symbol);
            for (int i = MarketFeature.LOOKBACK; i + target.horizonBars() < bars.size(); i++) {
                double[] values = new double[columns.size()];
                for (int c = 0; c < values.length; c++) {
                    values[c] = columns.get(c).valueAt(bars, i);
                }
                double forwardReturn = StrictMath.log(bars.get(i + target.horizonBars()).close() / bars.get(i).close());
                rows.add(new Row(bars.get(i).start(), symbol, values, target.label(forwardReturn)));
            }
        }
        rows.sort(Comparator.comparing(Row::time).thenComparing(Row::symbol));

        List<Instant> times = new ArrayList<>(new TreeSet<>(rows.stream().map(Row::time).toList()));
        int firstTestTime = (int) Math.round(times.size() * (1 - settings.testFraction()));
        int lastTrainTime = firstTestTime - settings.embargoBars() - 1;
        if (lastTrainTime < 0 || firstTestTime >= times.size()) {
            throw new IllegalArgumentException("too few bars (" + times.size() + " usable) to split "
                    + task + " with test_fraction " + settings.testFraction() + " and embargo "
                    + settings.embargoBars());
        }
        Instant trainEnd = times.get(lastTrainTime);
        Instant testStart = times.get(firstTestTime);

        List<Row> train = rows.stream().filter(r -> !r.time().isAfter(trainEnd)).toList();
        List<Row> test = rows.stream().filter(r -> !r.time().isBefore(testStart)).toList();
        List<String> names = columns.stream().map(MarketFeature::columnName).toList();
        return new ModelFrame(symbols, dataset(train, names), rowIds(train), dataset(test, names), rowIds(test));
    }

    /** Creates the estimator through the choke point with {@code seed}, fits on the frame and evaluates it. */
    public TrainingResult train(TrainingTask task, ModelFrame frame, long seed) {
        TargetSpec target = settings.target(task.target());
        try (Estimator model = Determinism.createEstimator(task.library(), settings.params(task.library()), seed,
                target.kind())) {
            model.fit(frame.train());
            double[] predictions = model.predict(frame.test());
            Map<String, Object> metrics = evaluate(target.kind(), predictions, frame);
            return new TrainingResult(task, seed, frame, metrics, predictions,
                    new LinkedHashMap<>(model.featureImportances()), model.modelSha256());
        }
    }

    private static Map<String, Object> evaluate(ProblemKind kind, double[] predictions, ModelFrame frame) {
        double[] actual = frame.test().labels();
        Map<String, Object> metrics = new LinkedHashMap<>();
        if (kind == ProblemKind.REGRESSION) {
            metrics.put("rmse", Metrics.rmse(predictions, actual));
            metrics.put("rank_ic", Metrics.rankIc(predictions, actual));
        } else {
            metrics.put("auc", Metrics.auc(predictions, actual));
            metrics.put("log_loss", Metrics.logLoss(predictions, actual));
        }
        metrics.put("n_train", frame.train().rows());
        metrics.put("n_test", frame.test().rows());
        return metrics;
    }

    private static Dataset dataset(List<Row> rows, List<String> names) {
        double[][] features = new double[rows.size()][];
        double[] labels = new double[rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            features[r] = rows.get(r).features();
            labels[r] = rows.get(r).label();
        }
        return Dataset.of(features, labels, names);
    }

    private static List<String> rowIds(List<Row> rows) {
        return rows.stream().map(r -> r.symbol() + "|" + r.time()).toList();
    }

    private record Row(Instant time, String symbol, double[] features, double label) {
    }
}
