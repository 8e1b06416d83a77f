package io.repro4j.examples;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Evaluation metrics of the example models: RMSE and rank IC for returns, AUC and log loss for direction.
 *
 * <p>Ties are handled with average ranks, so the results do not depend on the order of tied rows. Sums run in row
 * order with plain {@code double} arithmetic: the same inputs give the same bits.
 */
public final class Metrics {

    private static final double LOG_LOSS_EPSILON = 1e-15;

    private Metrics() {
    }

    /** Root mean squared error. */
    public static double rmse(double[] predicted, double[] actual) {
        requireSameNonEmptyLength(predicted, actual);
        double sum = 0;
        for (int i = 0; i < predicted.length; i++) {
            double error = predicted[i] - actual[i];
            sum += error * error;
        }
        return StrictMath.sqrt(sum / predicted.length);
    }

    /**
     * Spearman rank correlation (the information coefficient of a return forecast): the Pearson correlation of the
     * average ranks. {@code NaN} when either side is constant, as the correlation is then undefined.
     */
    public static double rankIc(double[] predicted, double[] actual) {
        requireSameNonEmptyLength(predicted, actual);
        return pearson(averageRanks(predicted), averageRanks(actual));
    }

    /**
     * Area under the ROC curve of scores for binary labels (0 or 1), by the Mann–Whitney statistic on average ranks:
     * a tied positive–negative pair counts one half. {@code NaN} when only one class is present.
     *
     * @throws IllegalArgumentException when a label is neither 0 nor 1
     */
    public static double auc(double[] scores, double[] labels) {
        requireSameNonEmptyLength(scores, labels);
        double[] ranks = averageRanks(scores);
        long positives = 0;
        double positiveRankSum = 0;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] == 1.0) {
                positives++;
                positiveRankSum += ranks[i];
            } else if (labels[i] != 0.0) {
                throw new IllegalArgumentException("label " + labels[i] + " at row " + i + " is neither 0 nor 1");
            }
        }
        long negatives = labels.length - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        return (positiveRankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }

    /** Mean binary cross-entropy of probabilities against 0/1 labels, probabilities clipped to [1e-15, 1 - 1e-15]. */
    public static double logLoss(double[] probabilities, double[] labels) {
        requireSameNonEmptyLength(probabilities, labels);
        double sum = 0;
        for (int i = 0; i < probabilities.length; i++) {
            double p = Math.min(1 - LOG_LOSS_EPSILON, Math.max(LOG_LOSS_EPSILON, probabilities[i]));
            sum -= labels[i] * StrictMath.log(p) + (1 - labels[i]) * StrictMath.log(1 - p);
        }
        return sum / probabilities.length;
    }

    /** 1-based ranks in ascending order; tied values share the mean of the ranks they span. */
    public static double[] averageRanks(double[] values) {
        for (int i = 0; i < values.length; i++) {
            if (Double.isNaN(values[i])) {
                throw new IllegalArgumentException("cannot rank NaN at index " + i);
            }
        }
        Integer[] order = IntStream.range(0, values.length).boxed().toArray(Integer[]::new);
        // Stable sort by value: the index breaks no tie that matters, as tied values get the same rank anyway.
        Arrays.sort(order, Comparator.comparingDouble(i -> values[i]));
        double[] ranks = new double[values.length];
        int start = 0;
        while (start < order.length) {
            int end = start;
            while (end + 1 < order.length && values[order[end + 1]] == values[order[start]]) {
                end++;
            }
            double rank = (start + end) / 2.0 + 1;
            for (int k = start; k <= end; k++) {
                ranks[order[k]] = rank;
            }
            start = end + 1;
        }
        return ranks;
    }

    private static double pearson(double[] x, double[] y) {
        double meanX = mean(x);
        double meanY = mean(y);
        double covariance = 0;
        double varianceX = 0;
        double varianceY = 0;
        for (int i = 0; i < x.length; i++) {
            double dx = x[i] - meanX;
            double dy = y[i] - meanY;
            covariance += dx * dy;
            varianceX += dx * dx;
            varianceY += dy * dy;
        }
        if (varianceX == 0 || varianceY == 0) {
            return Double.NaN;
        }
        return covariance / StrictMath.sqrt(varianceX * varianceY);
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    private static void requireSameNonEmptyLength(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("lengths differ: " + a.length + " predictions, " + b.length + " labels");
        }
        if (a.length == 0) {
            throw new IllegalArgumentException("no rows to evaluate");
        }
    }
}
