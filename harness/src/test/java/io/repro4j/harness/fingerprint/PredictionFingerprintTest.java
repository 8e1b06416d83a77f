package io.repro4j.harness.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PredictionFingerprintTest {

    @Test
    void float64DigestHashesLittleEndianDoubles() {
        // hashlib.sha256(struct.pack('<2d', 1.0, -0.0)).hexdigest()
        assertThat(PredictionFingerprint.float64Sha256(new double[] {1.0, -0.0}))
                .isEqualTo("5e9d905ef08923718da5998eb8ae14dc75a714656224d3753b679523d5a268d9");
    }

    @Test
    void float64DigestSeesTheLastBitWhereTheReferenceHashDoesNot() {
        double[] a = {0.1, 2.5};
        double[] b = {Math.nextUp(0.1), 2.5};
        List<String> ids = List.of("0", "1");

        assertThat(PredictionFingerprint.float64Sha256(a)).isNotEqualTo(PredictionFingerprint.float64Sha256(b));
        assertThat(PredictionFingerprint.regression(a, ids)).isEqualTo(PredictionFingerprint.regression(b, ids));
    }

    @Test
    void needsOneAsciiRowIdPerPrediction() {
        assertThatThrownBy(() -> PredictionFingerprint.regression(new double[] {1.0}, List.of("a", "b")))
                .hasMessageContaining("1 predictions, 2 row ids");
        assertThatThrownBy(() -> PredictionFingerprint.regression(new double[] {1.0}, List.of("\u00fc")))
                .hasMessageContaining("not ASCII");
    }
}
