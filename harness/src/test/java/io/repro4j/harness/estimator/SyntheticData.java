package io.repro4j.harness.estimator;

import io.repro4j.harness.Dataset;
import io.repro4j.harness.ProblemKind;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

/** A small fixed-seed dataset: 500 rows, 8 features, a noisy linear target (thresholded at 0 for classification). */
final class SyntheticData {
    static final int ROWS = 500;
    static final int FEATURES = 8;

    private SyntheticData() {
    }

    static Dataset of(ProblemKind kind) {
        Random random = new Random(20240611L);
        double[][] x = new double[ROWS][FEATURES];
        double[] y = new double[ROWS];
        for (int r = 0; r < ROWS; r++) {
            double target = 0;
            for (int c = 0; c < FEATURES; c++) {
                x[r][c] = random.nextGaussian();
                target += (c + 1) * 0.3 * x[r][c] * (c % 2 == 0 ? 1 : -1);
            }
            target += x[r][0] * x[r][1] + 0.5 * random.nextGaussian();
            y[r] = kind == ProblemKind.REGRESSION ? target : (target > 0 ? 1.0 : 0.0);
        }
        List<String> names = new ArrayList<>();
        for (int c = 0; c < FEATURES; c++) {
            names.add("feat_" + (char) ('a' + c));
        }
        return Dataset.of(x, y, names);
    }

    /** SHA-256 of the predictions as little-endian float64: exact bits. */
    static String sha256(double[] values) {
        ByteBuffer buf = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : values) {
            buf.putDouble(v);
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(buf.array()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
