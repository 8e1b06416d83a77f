package io.repro4j.harness.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PythonJsonTest {

    @Test
    void sortsKeysByCodePointNotByUtf16Unit() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("\uD83D\uDE00", 2); // U+1F600, a surrogate pair in UTF-16
        map.put("\uFF5A", 1);       // U+FF5A, above the surrogates in UTF-16 but below U+1F600 as a code point
        map.put("a", 3);

        assertThat(PythonJson.dumps(map)).isEqualTo("{\"a\": 3, \"\\uff5a\": 1, \"\\ud83d\\ude00\": 2}");
        assertThat("\uD83D\uDE00".compareTo("\uFF5A")).as("why String.compareTo is wrong").isNegative();
    }

    @Test
    void escapesLikeEnsureAscii() {
        assertThat(PythonJson.dumps("q\"b\\n\n\t\u0001\u007f\u00fc"))
                .isEqualTo("\"q\\\"b\\\\n\\n\\t\\u0001\\u007f\\u00fc\"");
    }

    @Test
    void keepsIntsFloatsAndBooleansApart() {
        List<Object> values = Arrays.asList(5, 5.0, 5L, new BigInteger("12345678901234567890"), true, null, 1e-5,
                Double.NaN, Double.NEGATIVE_INFINITY);

        assertThat(PythonJson.dumps(values))
                .isEqualTo("[5, 5.0, 5, 12345678901234567890, true, null, 1e-05, NaN, -Infinity]");
    }

    @Test
    void loadsIntsAsIntsAndFloatsAsDoubles() throws Exception {
        Object parsed = PythonJson.loads("{\"i\": 5, \"f\": 5.0, \"e\": 1e3, \"big\": 12345678901234567890,"
                + " \"l\": 4294967296, \"nan\": NaN, \"negzero\": -0.0}");

        assertThat(parsed).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("i", 5)
                .containsEntry("f", 5.0)
                .containsEntry("e", 1000.0)
                .containsEntry("big", new BigInteger("12345678901234567890"))
                .containsEntry("l", 4294967296L)
                .containsEntry("nan", Double.NaN)
                .containsEntry("negzero", -0.0);
    }

    @Test
    void rejectsValuesPythonCouldNotHaveWritten() {
        assertThatThrownBy(() -> PythonJson.dumps(Map.of("k", new Object())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.Object");
        assertThatThrownBy(() -> PythonJson.loads("{} {}")).hasMessageContaining("Trailing token");
    }
}
