package io.repro4j.junit.gates;

import io.repro4j.harness.Dataset;

/** A tiny fixed regression data set: enough rows for trees of depth 3 and 5 to differ. */
final class GateData {

    private GateData() {
    }

    static Dataset regression() {
        int rows = 200;
        double[][] features = new double[rows][3];
        double[] labels = new double[rows];
        for (int i = 0; i < rows; i++) {
            double a = (i * 37 % 101) / 101.0;
            double b = (i * 53 % 89) / 89.0;
            double c = (i * 17 % 13) / 13.0;
            features[i] = new double[] {a, b, c};
            labels[i] = 3 * a * b - c + Math.sin(7 * a) * b;
        }
        return Dataset.of(features, labels);
    }
}
