package io.repro4j.junit.testkit;

import java.util.List;

/** What the benchmarks compute from their repetitions. */
public final class BenchStats {

    private BenchStats() {
    }

    /** The median of {@code values} (the mean of the middle two for an even count); {@code NaN} when empty. */
    public static double median(List<? extends Number> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double[] sorted = values.stream().mapToDouble(Number::doubleValue).sorted().toArray();
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /** The last of {@code values}: the repetition just measured. */
    public static double last(List<Double> values) {
        return values.get(values.size() - 1);
    }
}
