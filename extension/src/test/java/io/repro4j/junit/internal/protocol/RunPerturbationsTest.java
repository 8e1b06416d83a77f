package io.repro4j.junit.internal.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.repro4j.junit.Perturbation;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RunPerturbationsTest {

    private static final Set<Perturbation> ALL = EnumSet.allOf(Perturbation.class);

    @Test
    void runOneIsNeverPerturbed() {
        RunPerturbations first = RunPerturbations.forRun(1, ALL, 8);
        assertThat(first.any()).isFalse();
        assertThat(first.describe()).isEqualTo("none");
        assertThat(first.environmentOverrides()).isEmpty();
    }

    @Test
    void laterRunsShiftIdentityHashesByDistinctAmounts() {
        Set<Integer> shifts = new HashSet<>();
        for (int run = 2; run <= 12; run++) {
            shifts.add(RunPerturbations.forRun(run, Set.of(Perturbation.IDENTITY_HASH), 2).identityHashShift());
        }
        assertThat(shifts).hasSize(11).doesNotContain(0);
        assertThat(RunPerturbations.forRun(2, Set.of(Perturbation.IDENTITY_HASH), 2).context())
                .containsEntry("identity_hash_shift", 17);
    }

    @Test
    void partitioningGivesLaterRunsSparkDefaultsOfTheirOwnAsSystemPropertiesAndNamesThem() {
        RunPerturbations second = RunPerturbations.forRun(2, Set.of(Perturbation.PARTITIONING), 2);
        RunPerturbations third = RunPerturbations.forRun(3, Set.of(Perturbation.PARTITIONING), 2);

        assertThat(second.any()).isTrue();
        assertThat(second.systemPropertyOverrides()).containsExactly(Map.entry("spark.default.parallelism", "3"),
                Map.entry("spark.sql.shuffle.partitions", "7"), Map.entry("spark.sql.files.maxPartitionBytes", "262144"),
                Map.entry("spark.sql.files.openCostInBytes", "0"));
        assertThat(second.environmentOverrides()).as("Spark reads system properties, not variables").isEmpty();
        assertThat(second.describe()).isEqualTo("Spark partitioning: parallelism 3, shuffle partitions 7,"
                + " max partition bytes 262144, open cost 0");
        assertThat(second.context()).containsEntry("spark_partitioning", second.systemPropertyOverrides());
        for (String key : second.systemPropertyOverrides().keySet()) {
            assertThat(third.systemPropertyOverrides().get(key)).as("run 3's %s", key)
                    .isNotEqualTo(second.systemPropertyOverrides().get(key));
        }
        assertThat(RunPerturbations.forRun(2, Set.of(Perturbation.IDENTITY_HASH), 2).partitioning()).isNull();
    }
}
