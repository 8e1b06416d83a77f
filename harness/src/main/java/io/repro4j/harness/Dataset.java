package io.repro4j.harness;

import io.repro4j.harness.fingerprint.Sha256;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * An immutable, row-major table of features with one label per row.
 *
 * <pre>{@code
 * Dataset train = Dataset.of(features, labels, List.of("ret_1m", "rsi_14", "vol_ratio"));
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class Dataset {
    private final double[][] features;
    private final double[] labels;
    private final List<String> featureNames;

    private Dataset(double[][] features, double[] labels, List<String> featureNames) {
        this.features = features;
        this.labels = labels;
        this.featureNames = featureNames;
    }

    /** A dataset whose features are named {@code f0, f1, …}. */
    public static Dataset of(double[][] features, double[] labels) {
        Objects.requireNonNull(features, "features");
        int cols = features.length == 0 ? 0 : features[0].length;
        List<String> names = new ArrayList<>(cols);
        for (int i = 0; i < cols; i++) {
            names.add("f" + i);
        }
        return of(features, labels, names);
    }

    /**
     * A dataset with named feature columns; the arrays are copied.
     *
     * @throws IllegalArgumentException when rows are ragged, labels and rows disagree in number, or names and
     *     columns disagree in number
     */
    public static Dataset of(double[][] features, double[] labels, List<String> featureNames) {
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(featureNames, "featureNames");
        if (features.length != labels.length) {
            throw new IllegalArgumentException(
                    "features has " + features.length + " rows but labels has " + labels.length + " values");
        }
        int cols = featureNames.size();
        double[][] copy = new double[features.length][];
        for (int r = 0; r < features.length; r++) {
            if (features[r] == null || features[r].length != cols) {
                throw new IllegalArgumentException("row " + r + " has "
                        + (features[r] == null ? "no" : String.valueOf(features[r].length))
                        + " columns but " + cols + " feature names were given");
            }
            copy[r] = features[r].clone();
        }
        for (String name : featureNames) {
            Objects.requireNonNull(name, "feature name");
        }
        return new Dataset(copy, labels.clone(), List.copyOf(featureNames));
    }

    /** Number of rows. */
    public int rows() {
        return labels.length;
    }

    /** Number of feature columns. */
    public int columns() {
        return featureNames.size();
    }

    /** The value at {@code row}, {@code column}. */
    public double get(int row, int column) {
        return features[row][column];
    }

    /** A copy of one row. */
    public double[] row(int row) {
        return features[row].clone();
    }

    /** A copy of the labels. */
    public double[] labels() {
        return labels.clone();
    }

    /** The label of one row. */
    public double label(int row) {
        return labels[row];
    }

    /** Feature names in column order. */
    public List<String> featureNames() {
        return featureNames;
    }

    /** The features as one row-major array, as the native libraries take them. */
    public double[] toRowMajor() {
        int cols = columns();
        double[] out = new double[rows() * cols];
        for (int r = 0; r < rows(); r++) {
            System.arraycopy(features[r], 0, out, r * cols, cols);
        }
        return out;
    }

    /**
     * Lowercase hex SHA-256 of the exact contents: feature names (UTF-8, NUL-separated), shape, then every
     * feature and label as little-endian IEEE-754 bits. Any change of a single bit changes it.
     */
    public String sha256() {
        MessageDigest md = Sha256.newDigest();
        for (String name : featureNames) {
            md.update(name.getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
        }
        ByteBuffer buf = ByteBuffer.allocate(8 * Math.max(2, columns() + 1)).order(ByteOrder.LITTLE_ENDIAN);
        buf.putLong(rows()).putLong(columns());
        md.update(buf.array(), 0, 16);
        for (int r = 0; r < rows(); r++) {
            buf.clear();
            for (double v : features[r]) {
                buf.putDouble(v);
            }
            buf.putDouble(labels[r]);
            md.update(buf.array(), 0, buf.position());
        }
        return Sha256.finish(md);
    }
}
