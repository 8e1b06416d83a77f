package io.repro4j.junit.internal.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.repro4j.junit.Perturbation;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
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
    void threadsGrowWithTheRunUpToTheCoresButNeverBelowTwo() {
        assertThat(RunPerturbations.forRun(2, Set.of(Perturbation.THREADS), 8).threads()).isEqualTo(2);
        assertThat(RunPerturbations.forRun(3, Set.of(Perturbation.THREADS), 8).threads()).isEqualTo(3);
        assertThat(RunPerturbations.forRun(5, Set.of(Perturbation.THREADS), 4).threads()).isEqualTo(4);
        assertThat(RunPerturbations.forRun(3, Set.of(Perturbation.THREADS), 1).threads()).isEqualTo(2);
        assertThat(RunPerturbations.forRun(2, Set.of(Perturbation.IDENTITY_HASH), 8).threads()).isNull();
    }

    @Test
    void identityHashShiftsBeyondTheTableStayDistinct() {
        assertThat(RunPerturbations.forRun(11, Set.of(Perturbation.IDENTITY_HASH), 2).identityHashShift())
                .isEqualTo(17 * 11 + 3);
        assertThat(RunPerturbations.forRun(10, Set.of(Perturbation.IDENTITY_HASH), 2).identityHashShift())
                .isEqualTo(127);
        assertThat(RunPerturbations.forRun(2, Set.of(Perturbation.THREADS), 2).identityHashShift()).isZero();
    }

    @Test
    void eachPerturbationIsRecordedDescribedAndApplied() {
        RunPerturbations p = RunPerturbations.forRun(2, ALL, 2);

        assertThat(p.any()).isTrue();
        assertThat(p.context()).containsEntry("identity_hash_shift", 17).containsEntry("threads", 2)
                .containsEntry("locale", "de-DE").containsEntry("time_zone", "Asia/Kolkata")
                .containsEntry("fresh_working_directory", true).containsEntry("test_order", "reverse");
        assertThat(p.describe()).isEqualTo("identity-hash shift 17, 2 threads, locale de-DE, time zone Asia/Kolkata,"
                + " fresh working directory, tests in reverse order, Spark partitioning: parallelism 3, shuffle partitions 7,"
                + " max partition bytes 262144, open cost 0");
        assertThat(p.environmentOverrides()).containsEntry("OMP_NUM_THREADS", "2").containsEntry("TZ", "Asia/Kolkata");
        assertThat(p.systemPropertyOverrides()).containsEntry("user.language", "de").containsEntry("user.country", "DE")
                .containsEntry("user.timezone", "Asia/Kolkata")
                .containsEntry("java.util.concurrent.ForkJoinPool.common.parallelism", "2");
        assertThat(RunPerturbations.forRun(3, Set.of(Perturbation.TEST_ORDER), 2).describe())
                .isEqualTo("tests in order rotated by 1");
        assertThat(RunPerturbations.forRun(3, Set.of(Perturbation.TEST_ORDER), 2).context())
                .containsOnly(org.assertj.core.api.Assertions.entry("identity_hash_shift", 0),
                        org.assertj.core.api.Assertions.entry("test_order", "rotate-1"));
        for (Perturbation only : Perturbation.values()) {
            assertThat(RunPerturbations.forRun(2, Set.of(only), 2).any()).as(only.name()).isTrue();
        }
        assertThat(RunPerturbations.forRun(1, ALL, 2).context()).containsOnlyKeys("identity_hash_shift");
        assertThat(RunPerturbations.none().systemPropertyOverrides()).isEmpty();
    }

    @Test
    void testOrderReversesRunTwoAndRotatesLaterRuns() {
        List<String> tests = List.of("a", "b", "c");
        assertThat(RunPerturbations.none().reorder(tests)).containsExactly("a", "b", "c");
        assertThat(RunPerturbations.forRun(2, Set.of(Perturbation.TEST_ORDER), 2).reorder(tests))
                .containsExactly("c", "b", "a");
        assertThat(RunPerturbations.forRun(3, Set.of(Perturbation.TEST_ORDER), 2).reorder(tests))
                .containsExactly("b", "c", "a");
        assertThat(RunPerturbations.forRun(4, Set.of(Perturbation.TEST_ORDER), 2).reorder(tests))
                .containsExactly("c", "a", "b");
        assertThat(RunPerturbations.forRun(5, Set.of(Perturbation.TEST_ORDER), 2).reorder(tests))
                .containsExactly("a", "b", "c");
        assertThat(RunPerturbations.forRun(3, Set.of(Perturbation.TEST_ORDER), 2).reorder(List.of())).isEmpty();
        assertThat(tests).containsExactly("a", "b", "c");
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
