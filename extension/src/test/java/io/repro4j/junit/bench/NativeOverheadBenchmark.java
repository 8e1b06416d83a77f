package io.repro4j.junit.bench;

import static io.repro4j.junit.testkit.BenchStats.last;
import static io.repro4j.junit.testkit.BenchStats.median;

import io.repro4j.harness.Dataset;
import io.repro4j.harness.estimator.EstimatorLedger;
import io.repro4j.harness.estimator.LedgerEntry;
import io.repro4j.harness.fingerprint.Sha256;
import io.repro4j.harness.xgboost.DeterministicXGBoost;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;

/**
 * Measures what the native path costs over calling XGBoost4J directly: {@code XGBoost.train} with the parameters the
 * strict policy gives (the baseline), {@code DeterministicXGBoost.train} with the caller's parameters (policy, ledger,
 * training, fingerprint), and the fingerprint alone ({@code toByteArray("ubj")} and its SHA-256). Both trainings run
 * interleaved in one JVM, alternating which goes first; medians over the repetitions.
 *
 * <p>Not part of the build; run {@code bench/native-overhead.sh [repetitions] [size]}, which starts this JVM in the
 * strict environment (strict mode refuses to train without it).
 */
public final class NativeOverheadBenchmark {

    private NativeOverheadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int repetitions = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        BenchmarkTraining size = args.length > 1 ? BenchmarkTraining.valueOf(args[1].toUpperCase(Locale.ROOT))
                : BenchmarkTraining.MEDIUM;
        long seed = 1_234_567;
        Dataset data = size.dataset();
        DMatrix matrix = matrix(data);
        Map<String, Object> params = size.params();
        params.remove("num_round");

        // Untimed: loads the native library and the classes, and gives the policy's parameters for the baseline.
        int mark = EstimatorLedger.global().size();
        DeterministicXGBoost.train(matrix, params, size.rounds, Map.of(), null, null, seed).dispose();
        LedgerEntry entry = EstimatorLedger.global().entriesSince(mark).get(0);
        Map<String, Object> effective = new HashMap<>(entry.effectiveParams());
        effective.remove("num_round");
        XGBoost.train(matrix, new HashMap<>(effective), size.rounds, Map.of(), null, null).dispose();

        List<Double> direct = new ArrayList<>();
        List<Double> deterministic = new ArrayList<>();
        List<Double> fingerprint = new ArrayList<>();
        String directDigest = null;
        String deterministicDigest = null;
        for (int rep = 1; rep <= repetitions; rep++) {
            for (int turn = 0; turn < 2; turn++) {
                boolean directTurn = (rep + turn) % 2 == 0;
                long start = System.nanoTime();
                Booster booster = directTurn
                        ? XGBoost.train(matrix, new HashMap<>(effective), size.rounds, Map.of(), null, null)
                        : DeterministicXGBoost.train(matrix, params, size.rounds, Map.of(), null, null, seed);
                double ms = (System.nanoTime() - start) / 1e6;
                if (directTurn) {
                    direct.add(ms);
                    long f0 = System.nanoTime();
                    directDigest = Sha256.hex(booster.toByteArray("ubj"));
                    fingerprint.add((System.nanoTime() - f0) / 1e6);
                } else {
                    deterministic.add(ms);
                    deterministicDigest = EstimatorLedger.global().entries()
                            .get(EstimatorLedger.global().size() - 1).model().modelSha256();
                }
                booster.dispose();
            }
            System.err.printf(Locale.ROOT, "rep %d/%d: XGBoost.train %.0f ms, DeterministicXGBoost.train %.0f ms,"
                    + " fingerprint %.1f ms%n", rep, repetitions, last(direct), last(deterministic), last(fingerprint));
        }
        matrix.dispose();
        if (!directDigest.equals(deterministicDigest)) {
            throw new IllegalStateException("the two paths trained different models: " + directDigest + " vs "
                    + deterministicDigest);
        }
        double base = median(direct);
        double ours = median(deterministic);
        double digest = median(fingerprint);
        System.out.printf(Locale.ROOT, "%nNative path overhead, %s, medians over %d interleaved repetitions (ms)%n",
                size, repetitions);
        System.out.printf(Locale.ROOT, "%-34s %10.1f%n", "XGBoost.train (policy's params)", base);
        System.out.printf(Locale.ROOT, "%-34s %10.1f   ratio %.3f%n", "DeterministicXGBoost.train", ours, ours / base);
        System.out.printf(Locale.ROOT, "%-34s %10.1f   %.2f %% of XGBoost.train%n", "fingerprint (ubj + SHA-256)",
                digest, 100 * digest / base);
        System.out.println("Same model bytes on both paths: " + directDigest);
        System.out.println("Rerun: bench/native-overhead.sh [repetitions] [small|medium]");
    }

    private static DMatrix matrix(Dataset data) throws Exception {
        double[] rowMajor = data.toRowMajor();
        float[] values = new float[rowMajor.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) rowMajor[i];
        }
        float[] labels = new float[data.rows()];
        for (int r = 0; r < labels.length; r++) {
            labels[r] = (float) data.label(r);
        }
        DMatrix m = new DMatrix(values, data.rows(), data.columns(), Float.NaN);
        m.setLabel(labels);
        return m;
    }
}
