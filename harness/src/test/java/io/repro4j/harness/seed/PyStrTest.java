package io.repro4j.harness.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Python's {@code repr} and {@code str}, which seed derivation and signatures hash: expected values from CPython 3. */
class PyStrTest {

    static Stream<Arguments> strings() {
        return Stream.of(
                Arguments.of("plain", "'plain'"),
                Arguments.of("it's", "\"it's\""),
                Arguments.of("say \"hi\"", "'say \"hi\"'"),
                Arguments.of("both ' and \"", "'both \\' and \"'"),
                Arguments.of("tab\t", "'tab\\t'"),
                Arguments.of("nl\n", "'nl\\n'"),
                Arguments.of("cr\r", "'cr\\r'"),
                Arguments.of("back\\slash", "'back\\\\slash'"),
                Arguments.of("\u0000", "'\\x00'"),
                Arguments.of("\u001f", "'\\x1f'"),
                Arguments.of("\u007f", "'\\x7f'"),
                Arguments.of("\u0080", "'\\x80'"),
                Arguments.of("\u00a0", "'\\xa0'"),
                Arguments.of("\u00e9", "'\u00e9'"),
                Arguments.of("\u200b", "'\\u200b'"),
                Arguments.of("\u2028", "'\\u2028'"),
                Arguments.of("\ue000", "'\\ue000'"),
                Arguments.of("\uffff", "'\\uffff'"),
                Arguments.of("\ud83d\ude00", "'\ud83d\ude00'"),
                Arguments.of("\udb40\udc01", "'\\U000e0001'"),
                Arguments.of(" lead", "' lead'"),
                Arguments.of("", "''")
        );
    }

    @ParameterizedTest(name = "repr of {1}")
    @MethodSource("strings")
    void stringsAreQuotedAndEscapedAsCPythonDoes(String value, String expected) {
        assertThat(PyStr.repr(value)).isEqualTo(expected);
        assertThat(PyStr.str(value)).isEqualTo(value);
    }

    @Test
    void otherValuesAsCPythonWritesThem() {
        Map<Object, Object> map = new LinkedHashMap<>();
        map.put("a", 1);
        map.put("b", Arrays.asList(null, true, 2.5));
        assertThat(PyStr.repr(map)).isEqualTo("{'a': 1, 'b': [None, True, 2.5]}");
        assertThat(PyStr.str(map)).isEqualTo(PyStr.repr(map));
        assertThat(PyStr.repr(List.of())).isEqualTo("[]");
        assertThat(PyStr.repr(Map.of())).isEqualTo("{}");
        assertThat(PyStr.repr(false)).isEqualTo("False");
        assertThat(PyStr.repr(BigInteger.TWO.pow(70))).isEqualTo("1180591620717411303424");
        assertThat(PyStr.repr(1e16)).isEqualTo("1e+16");
        assertThat(PyStr.repr(0.1f)).isEqualTo("0.10000000149011612");
        assertThat(PyStr.str(null)).isEqualTo("None");
        assertThat(PyStr.repr((short) 3)).isEqualTo("3");
    }
}
