package io.repro4j.junit.internal.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.repro4j.junit.Perturbation;
import java.util.EnumSet;
import java.util.HashSet;
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
}
