package io.repro4j.junit.internal.protocol;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * The Spark partitioning defaults one run starts with under {@code Perturbation.PARTITIONING}, as the system properties
 * Spark reads when a session starts; run 1 never gets any (Spark's own defaults: the core count, 200 shuffle
 * partitions, 128 MiB, 4 MiB).
 *
 * @param parallelism {@code spark.default.parallelism}
 * @param shufflePartitions {@code spark.sql.shuffle.partitions}
 * @param maxPartitionBytes {@code spark.sql.files.maxPartitionBytes}
 * @param openCostInBytes {@code spark.sql.files.openCostInBytes}
 */
@API(status = API.Status.INTERNAL, since = "0.2.0")
public record SparkPartitioning(int parallelism, int shufflePartitions, long maxPartitionBytes,
        long openCostInBytes) {

    /**
     * The defaults of run {@code runIndex} (2 or later): every value differs from Spark's default and from every
     * other run's, so a layout that follows them moves from run to run.
     */
    public static SparkPartitioning forRun(int runIndex) {
        if (runIndex < 2) {
            throw new IllegalArgumentException("run 1 is never perturbed, asked for run " + runIndex);
        }
        return new SparkPartitioning(2 * runIndex - 1, 4 * runIndex - 1, (256L << 10) / (runIndex - 1),
                (runIndex - 2) * 1024L);
    }

    /** The system properties, name to value, in a fixed order. */
    public Map<String, String> systemProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spark.default.parallelism", Integer.toString(parallelism));
        properties.put("spark.sql.shuffle.partitions", Integer.toString(shufflePartitions));
        properties.put("spark.sql.files.maxPartitionBytes", Long.toString(maxPartitionBytes));
        properties.put("spark.sql.files.openCostInBytes", Long.toString(openCostInBytes));
        return properties;
    }

    /** For a message: {@code Spark partitioning: parallelism 3, shuffle partitions 7, …}. */
    public String describe() {
        return "Spark partitioning: parallelism " + parallelism + ", shuffle partitions " + shufflePartitions
                + ", max partition bytes " + maxPartitionBytes + ", open cost " + openCostInBytes;
    }
}
