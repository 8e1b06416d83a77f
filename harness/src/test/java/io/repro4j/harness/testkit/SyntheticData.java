package io.repro4j.harness.testkit;

import io.repro4j.harness.Dataset;
import io.repro4j.harness.ProblemKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The test kit's training data: a small synthetic training problem built from a seeded {@link Random}: the same rows in every JVM, so any
 * divergence between runs comes from the code under test, never from the data.
 */
public final class SyntheticData {

    /** Rows in the training split. */
    public static final int TRAIN_ROWS = 300;
    /** Rows in the held-out split the fixtures predict on. */
    public static final int TEST_ROWS = 100;
    /** Feature columns. */
    public static final int FEATURES = 6;
    /** Boosting rounds every fixture trains. */
    public static final int ROUNDS = 20;
    /** The data directory recorded for the dataset signature. */
    public static final String DATA_DIR = "synthetic/interval=5m";
    /** The symbols recorded for the dataset signature. */
    public static final List<String> SYMBOLS = List.of("AAA", "BBB", "CCC");

    private final double[][] trainFeatures;
    private final double[] trainLabels;
    private final double[][] testFeatures;
    private final double[] testLabels;

    private SyntheticData(double[][] trainFeatures, double[] trainLabels, double[][] testFeatures,
            double[] testLabels) {
        this.trainFeatures = trainFeatures;
        this.trainLabels = trainLabels;
        this.testFeatures = testFeatures;
        this.testLabels = testLabels;
    }

    /** The training split of the regression or the classification problem. */
    public static Dataset of(ProblemKind kind) {
        return (kind == ProblemKind.REGRESSION ? regression() : classification()).train();
    }

    /** A regression problem: a noisy non-linear function of the features. */
    public static SyntheticData regression() {
        return generate(false);
    }

    /** A binary classification problem with labels 0 and 1. */
    public static SyntheticData classification() {
        return generate(true);
    }

    private static SyntheticData generate(boolean binary) {
        Random random = new Random(20_240_601L);
        int rows = TRAIN_ROWS + TEST_ROWS;
        double[][] features = new double[rows][FEATURES];
        double[] labels = new double[rows];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < FEATURES; c++) {
                features[r][c] = random.nextGaussian();
            }
            double[] x = features[r];
            double signal = 1.5 * x[0] - 0.8 * x[1] + 0.6 * x[2] * x[3] + Math.sin(2 * x[4]) - 0.3 * x[5] * x[5];
            double noise = 0.3 * random.nextGaussian();
            labels[r] = binary ? (signal + noise > 0 ? 1.0 : 0.0) : signal + noise;
        }
        double[][] trainX = new double[TRAIN_ROWS][];
        double[] trainY = new double[TRAIN_ROWS];
        double[][] testX = new double[TEST_ROWS][];
        double[] testY = new double[TEST_ROWS];
        for (int r = 0; r < rows; r++) {
            if (r < TRAIN_ROWS) {
                trainX[r] = features[r];
                trainY[r] = labels[r];
            } else {
                testX[r - TRAIN_ROWS] = features[r];
                testY[r - TRAIN_ROWS] = labels[r];
            }
        }
        return new SyntheticData(trainX, trainY, testX, testY);
    }

    /** Feature names {@code f0 … f5}, in the generated column order. */
    public static List<String> featureNames() {
        List<String> names = new ArrayList<>(FEATURES);
        for (int c = 0; c < FEATURES; c++) {
            names.add("f" + c);
        }
        return names;
    }

    /** The training split with the generated column order. */
    public Dataset train() {
        return Dataset.of(trainFeatures, trainLabels, featureNames());
    }

    /** The held-out split with the generated column order. */
    public Dataset test() {
        return Dataset.of(testFeatures, testLabels, featureNames());
    }

    /** The training split with its columns rearranged: {@code columns[i]} is the generated column placed at i. */
    public Dataset train(int[] columns) {
        return Dataset.of(select(trainFeatures, columns), trainLabels, names(columns));
    }

    /** The held-out split with its columns rearranged like {@link #train(int[])}. */
    public Dataset test(int[] columns) {
        return Dataset.of(select(testFeatures, columns), testLabels, names(columns));
    }

    /** The training split with its rows in the given order. */
    public Dataset trainRows(List<Integer> order) {
        double[][] x = new double[order.size()][];
        double[] y = new double[order.size()];
        for (int i = 0; i < order.size(); i++) {
            x[i] = trainFeatures[order.get(i)];
            y[i] = trainLabels[order.get(i)];
        }
        return Dataset.of(x, y, featureNames());
    }

    /** Root mean squared error of {@code predictions} against the held-out labels. */
    public double rmse(double[] predictions) {
        double sum = 0;
        for (int i = 0; i < predictions.length; i++) {
            double d = predictions[i] - testLabels[i];
            sum += d * d;
        }
        return Math.sqrt(sum / predictions.length);
    }

    /** Share of held-out rows whose probability of class 1 falls on the side of their label. */
    public double accuracy(double[] probabilities) {
        int hits = 0;
        for (int i = 0; i < probabilities.length; i++) {
            if ((probabilities[i] >= 0.5 ? 1.0 : 0.0) == testLabels[i]) {
                hits++;
            }
        }
        return (double) hits / probabilities.length;
    }

    /** Binary log loss of {@code probabilities} against the held-out labels. */
    public double logLoss(double[] probabilities) {
        double sum = 0;
        for (int i = 0; i < probabilities.length; i++) {
            double p = Math.min(1 - 1e-15, Math.max(1e-15, probabilities[i]));
            sum += testLabels[i] == 1.0 ? -Math.log(p) : -Math.log(1 - p);
        }
        return sum / probabilities.length;
    }

    private static double[][] select(double[][] features, int[] columns) {
        double[][] out = new double[features.length][columns.length];
        for (int r = 0; r < features.length; r++) {
            for (int i = 0; i < columns.length; i++) {
                out[r][i] = features[r][columns[i]];
            }
        }
        return out;
    }

    private static List<String> names(int[] columns) {
        List<String> names = new ArrayList<>(columns.length);
        for (int column : columns) {
            names.add("f" + column);
        }
        return names;
    }
}
