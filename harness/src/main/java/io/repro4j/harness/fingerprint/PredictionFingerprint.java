package io.repro4j.harness.fingerprint;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.apiguardian.api.API;

/**
 * The reference's {@code prediction_fingerprint_regression}, and our exact float64 digest of predictions.
 *
 * @param predictionHash SHA-256 over kind, shape, dtype, row-id digest and the float32 values
 * @param predictionHashLive the same after quantising the float32 values to multiples of {@code 1e-6}
 * @param rowIdsHash SHA-256 over the row ids as NUL-padded fixed-width ASCII byte strings
 * @param kind {@code regression}
 * @param dtype {@code float32}
 * @param shape {@code [n]}
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public record PredictionFingerprint(String predictionHash, String predictionHashLive, String rowIdsHash, String kind,
        String dtype, List<Integer> shape) {

    private static final String KIND = "regression";
    private static final String DTYPE = "float32";
    private static final float LIVE_QUANTUM = 1e-6f;

    /**
     * Fingerprints regression predictions with their row ids. Values are cast to float32 as the reference does, so
     * this digest is blind to float64 drift below float32 precision: see {@link #float64Sha256(double[])}.
     *
     * @throws IllegalArgumentException when the row ids are not one per prediction or not ASCII
     */
    public static PredictionFingerprint regression(double[] predictions, List<String> rowIds) {
        if (rowIds.size() != predictions.length) {
            throw new IllegalArgumentException("need one row id per prediction: " + predictions.length
                    + " predictions, " + rowIds.size() + " row ids");
        }
        String rowIdsHash = Sha256.hex(rowIdBytes(rowIds));
        float[] values = new float[predictions.length];
        float[] live = new float[predictions.length];
        for (int i = 0; i < predictions.length; i++) {
            values[i] = (float) predictions[i];
            // numpy: float32 array / Python float stays float32, as does rint(...) * 1e-6.
            live[i] = ((float) Math.rint(values[i] / LIVE_QUANTUM)) * LIVE_QUANTUM;
        }
        String shape = "(" + predictions.length + ",)";
        return new PredictionFingerprint(hash(shape, rowIdsHash, values), hash(shape, rowIdsHash, live), rowIdsHash,
                KIND, DTYPE, List.of(predictions.length));
    }

    /** The SHA-256 of the predictions as little-endian float64 bytes: every bit counts. */
    public static String float64Sha256(double[] predictions) {
        ByteBuffer bytes = ByteBuffer.allocate(predictions.length * Double.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (double p : predictions) {
            bytes.putDouble(p);
        }
        return Sha256.hex(bytes.array());
    }

    /**
     * The SHA-256 of a {@code rows x columns} prediction matrix: its shape as Python prints a tuple ({@code (4, 3)},
     * ASCII), then the values row by row as little-endian float64 bytes. Every bit counts, and so does the shape.
     *
     * @param rowMajor the values, row after row ({@code rows * columns} of them)
     */
    public static String float64Sha256(double[] rowMajor, int rows, int columns) {
        if ((long) rows * columns != rowMajor.length) {
            throw new IllegalArgumentException("a " + rows + " x " + columns + " matrix has " + (long) rows * columns
                    + " values, not " + rowMajor.length);
        }
        MessageDigest digest = Sha256.newDigest();
        digest.update(("(" + rows + ", " + columns + ")").getBytes(StandardCharsets.US_ASCII));
        ByteBuffer bytes = ByteBuffer.allocate(rowMajor.length * Double.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (double p : rowMajor) {
            bytes.putDouble(p);
        }
        digest.update(bytes.array());
        return Sha256.finish(digest);
    }

    private static String hash(String shape, String rowIdsHash, float[] values) {
        MessageDigest digest = Sha256.newDigest();
        digest.update(KIND.getBytes(StandardCharsets.US_ASCII));
        digest.update(shape.getBytes(StandardCharsets.US_ASCII));
        digest.update(DTYPE.getBytes(StandardCharsets.US_ASCII));
        digest.update(rowIdsHash.getBytes(StandardCharsets.US_ASCII));
        ByteBuffer bytes = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            bytes.putFloat(v);
        }
        digest.update(bytes.array());
        return Sha256.finish(digest);
    }

    /** numpy's {@code S<width>} array bytes: each id NUL-padded to the longest (at least one byte wide). */
    private static byte[] rowIdBytes(List<String> rowIds) {
        int width = 1;
        for (String id : rowIds) {
            for (int i = 0; i < id.length(); i++) {
                if (id.charAt(i) > 0x7f) {
                    throw new IllegalArgumentException("row id '" + id + "' is not ASCII; the reference encodes row"
                            + " ids as ASCII byte strings");
                }
            }
            width = Math.max(width, id.length());
        }
        byte[] out = new byte[width * rowIds.size()];
        for (int r = 0; r < rowIds.size(); r++) {
            byte[] id = rowIds.get(r).getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(id, 0, out, r * width, id.length);
        }
        return out;
    }
}
