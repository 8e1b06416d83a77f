package io.repro4j.examples;

import io.repro4j.harness.Dataset;
import io.repro4j.harness.Library;
import io.repro4j.harness.xgboost.DeterministicXGBoost;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * Example models trained with XGBoost4J's own API, as a team with existing XGBoost4J code has them: its own
 * {@code DMatrix}, watches, early stopping and query groups, with {@code XGBoost.train} replaced by
 * {@link DeterministicXGBoost#train}. Uses the {@link Trainer}'s frames (rows in (time, symbol) order) and seeds.
 *
 * <pre>{@code
 * NativeXGBoostModels models = new NativeXGBoostModels(new Trainer(settings));
 * NativeResult result = models.directionClasses("fwd_ret_10m");
 * float[][] probabilities = result.predictions();   // one row per test bar: P(down), P(flat), P(up)
 * }</pre>
 */
public final class NativeXGBoostModels {

    /** Rounds the boosters may use at most; early stopping ends the direction model sooner. */
    static final int MAX_ROUNDS = 200;
    /** Rounds without improvement on the validation bars after which training stops. */
    static final int EARLY_STOPPING_ROUNDS = 10;

    private final Trainer trainer;

    public NativeXGBoostModels(Trainer trainer) {
        this.trainer = trainer;
    }

    /**
     * A three-class direction model of {@code target}'s forward return (down, flat, up: below, between and above the
     * training returns' terciles), {@code multi:softprob}, early-stopped on the last fifth of the training bars.
     */
    public NativeResult directionClasses(String target) throws XGBoostError {
        TrainingTask task = TrainingTask.crossSectional(Library.XGBOOST, target);
        ModelFrame frame = trainer.prepare(task);
        long seed = trainer.seedFor(task);
        double[] cuts = terciles(frame.train().labels());
        int fit = frame.train().rows() * 4 / 5;
        double[] trainReturns = frame.train().labels();
        double[] testReturns = frame.test().labels();
        DMatrix train = matrix(frame.train(), 0, fit, r -> direction(trainReturns[r], cuts));
        DMatrix valid = matrix(frame.train(), fit, frame.train().rows(), r -> direction(trainReturns[r], cuts));
        DMatrix test = matrix(frame.test(), 0, frame.test().rows(), r -> direction(testReturns[r], cuts));
        Map<String, Object> params = new LinkedHashMap<>(trainer.settings().params(Library.XGBOOST));
        params.put("objective", "multi:softprob");
        params.put("num_class", 3);
        params.put("eval_metric", "mlogloss");
        Map<String, DMatrix> watches = new LinkedHashMap<>();
        watches.put("train", train);
        watches.put("valid", valid);
        try {
            Booster booster = DeterministicXGBoost.train(train, params, MAX_ROUNDS, watches,
                    new float[watches.size()][MAX_ROUNDS], null, null, EARLY_STOPPING_ROUNDS, seed);
            float[][] probabilities = booster.predict(test);
            Map<String, Object> metrics = new LinkedHashMap<>();
            metrics.put("accuracy", accuracy(probabilities, test.getLabel()));
            metrics.put("best_iteration", Integer.parseInt(booster.getAttr("best_iteration")));
            metrics.put("n_train", fit);
            metrics.put("n_test", frame.test().rows());
            booster.dispose();
            return new NativeResult(seed, frame, probabilities, metrics);
        } finally {
            train.dispose();
            valid.dispose();
            test.dispose();
        }
    }

    /**
     * A ranking model ({@code rank:ndcg}) of the symbols at each bar by {@code target}'s forward return: one query
     * group per timestamp, relevance = the symbol's rank of forward return within its bar.
     */
    public NativeResult rankWithinTimestamps(String target) throws XGBoostError {
        TrainingTask task = TrainingTask.crossSectional(Library.XGBOOST, target);
        ModelFrame frame = trainer.prepare(task);
        long seed = trainer.seedFor(task);
        DMatrix train = rankingMatrix(frame.train(), frame.trainRowIds());
        DMatrix test = rankingMatrix(frame.test(), frame.testRowIds());
        Map<String, Object> params = new LinkedHashMap<>(trainer.settings().params(Library.XGBOOST));
        params.put("objective", "rank:ndcg");
        params.put("eval_metric", "ndcg@3");
        int rounds = ((Number) params.get("num_round")).intValue();
        try {
            Booster booster = DeterministicXGBoost.train(train, params, rounds, Map.of("train", train), null, null,
                    seed);
            float[][] scores = booster.predict(test);
            double[] flat = new double[scores.length];
            for (int i = 0; i < scores.length; i++) {
                flat[i] = scores[i][0];
            }
            Map<String, Object> metrics = new LinkedHashMap<>();
            metrics.put("rank_ic", Metrics.rankIc(flat, frame.test().labels()));
            metrics.put("n_train", frame.train().rows());
            metrics.put("n_test", frame.test().rows());
            booster.dispose();
            return new NativeResult(seed, frame, scores, metrics);
        } finally {
            train.dispose();
            test.dispose();
        }
    }

    /** The label of each row of a frame, as a function of its row index. */
    private interface Label {
        float of(int row);
    }

    private static DMatrix matrix(Dataset data, int from, int to, Label label) throws XGBoostError {
        int cols = data.columns();
        double[] rowMajor = data.toRowMajor();
        float[] values = new float[(to - from) * cols];
        float[] labels = new float[to - from];
        for (int r = from; r < to; r++) {
            for (int c = 0; c < cols; c++) {
                values[(r - from) * cols + c] = (float) rowMajor[r * cols + c];
            }
            labels[r - from] = label.of(r);
        }
        DMatrix m = new DMatrix(values, to - from, cols, Float.NaN);
        m.setLabel(labels);
        return m;
    }

    private static float direction(double forwardReturn, double[] cuts) {
        return forwardReturn < cuts[0] ? 0 : forwardReturn < cuts[1] ? 1 : 2;
    }

    /** Rows of one timestamp are consecutive (frames are in (time, symbol) order): one group each. */
    private static DMatrix rankingMatrix(Dataset data, List<String> rowIds) throws XGBoostError {
        List<Integer> groups = new ArrayList<>();
        float[] relevance = new float[data.rows()];
        int start = 0;
        for (int r = 1; r <= data.rows(); r++) {
            if (r == data.rows() || !time(rowIds.get(r)).equals(time(rowIds.get(start)))) {
                double[] returns = Arrays.copyOfRange(data.labels(), start, r);
                double[] ranks = Metrics.averageRanks(returns);
                for (int i = start; i < r; i++) {
                    relevance[i] = (float) Math.floor(ranks[i - start] - 1);
                }
                groups.add(r - start);
                start = r;
            }
        }
        DMatrix m = matrix(data, 0, data.rows(), r -> relevance[r]);
        m.setGroup(groups.stream().mapToInt(Integer::intValue).toArray());
        return m;
    }

    private static String time(String rowId) {
        return rowId.substring(rowId.indexOf('|') + 1);
    }

    private static double[] terciles(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return new double[] {sorted[sorted.length / 3], sorted[2 * sorted.length / 3]};
    }

    private static double accuracy(float[][] probabilities, float[] labels) {
        int right = 0;
        for (int r = 0; r < probabilities.length; r++) {
            int best = 0;
            for (int c = 1; c < probabilities[r].length; c++) {
                if (probabilities[r][c] > probabilities[r][best]) {
                    best = c;
                }
            }
            right += best == (int) labels[r] ? 1 : 0;
        }
        return (double) right / probabilities.length;
    }

    /**
     * What a native model produced.
     *
     * @param seed the seed it trained with
     * @param frame its training and test rows
     * @param predictions {@code Booster.predict} on the test rows
     * @param metrics test-period metrics
     */
    public record NativeResult(long seed, ModelFrame frame, float[][] predictions, Map<String, Object> metrics) {
    }
}
