package io.repro4j.harness.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Python's {@code <} and {@code ==}, value by value, as {@code sorted()} and dict comparison see them. */
class PythonOrderTest {

    @Test
    void stringsCompareByCodePointNotByUtf16Unit() {
        // U+FF5A is one UTF-16 unit above the surrogates of U+1F600: Java's compareTo orders them the other way.
        assertThat(PythonOrder.compareCodePoints("\uFF5A", "\uD83D\uDE00")).isNegative();
        assertThat("\uFF5A".compareTo("\uD83D\uDE00")).isPositive();
        assertThat(PythonOrder.compareCodePoints("\uD83D\uDE00", "\uFF5A")).isPositive();
        assertThat(PythonOrder.compareCodePoints("ab", "abc")).isNegative();
        assertThat(PythonOrder.compareCodePoints("abc", "ab")).isPositive();
        assertThat(PythonOrder.compareCodePoints("a\uD83D\uDE00", "a\uD83D\uDE00")).isZero();
        assertThat(PythonOrder.compareCodePoints("b", "a\uD83D\uDE00")).isPositive();
        assertThat(PythonOrder.compare("rsi_14", "ret_1")).isPositive();
    }

    @Test
    void numbersCompareByExactValueAcrossTypesAndBoolsAreNumbers() {
        assertThat(PythonOrder.compare(true, 1)).isZero();
        assertThat(PythonOrder.compare(false, 0.0)).isZero();
        assertThat(PythonOrder.compare(true, 2L)).isNegative();
        assertThat(PythonOrder.compare(1.5, 1)).isPositive();
        assertThat(PythonOrder.compare(1, 1.5)).isNegative();
        // 2**53 + 1 is not a double: the exact comparison still sees it above 2.0**53.
        assertThat(PythonOrder.compare(9_007_199_254_740_993L, 9_007_199_254_740_992.0)).isPositive();
        assertThat(PythonOrder.compare(BigInteger.TWO.pow(70), 1e21)).isPositive();
        assertThat(PythonOrder.compare(Double.POSITIVE_INFINITY, Long.MAX_VALUE)).isPositive();
        assertThat(PythonOrder.compare(Double.NEGATIVE_INFINITY, Long.MIN_VALUE)).isNegative();
        assertThat(PythonOrder.compare(0.1f, 0.1)).isNotZero();
        assertThatThrownBy(() -> PythonOrder.compare(Double.NaN, 1))
                .isInstanceOf(PythonOrder.NotComparableException.class);
    }

    @Test
    void listsCompareElementByElementThenByLength() {
        assertThat(PythonOrder.compare(List.of(1, 2), List.of(1, 3))).isNegative();
        assertThat(PythonOrder.compare(List.of(1, 3), List.of(1, 2))).isPositive();
        assertThat(PythonOrder.compare(List.of(1, 2), List.of(1, 2, 0))).isNegative();
        assertThat(PythonOrder.compare(List.of(1, 2, 0), List.of(1, 2))).isPositive();
        assertThat(PythonOrder.compare(List.of(1.0, "a"), List.of(1, "a"))).isZero();
        assertThat(PythonOrder.compare(List.of(1, "b"), List.of(1, "a"))).isPositive();
        assertThat(PythonOrder.compare(List.of(), List.of())).isZero();
    }

    @Test
    void otherPairsAreNotComparableAndTheMessageNamesTheirTypes() {
        assertThatThrownBy(() -> PythonOrder.compare("a", 1)).isInstanceOf(PythonOrder.NotComparableException.class)
                .hasMessage("'<' not supported between 'String' and 'Integer'");
        assertThatThrownBy(() -> PythonOrder.compare(Map.of(), Map.of())).hasMessageContaining("'dict' and 'dict'");
        assertThatThrownBy(() -> PythonOrder.compare(null, List.of())).hasMessageContaining("'NoneType' and 'list'");
        assertThatThrownBy(() -> PythonOrder.compare(List.of("a"), List.of(1)))
                .isInstanceOf(PythonOrder.NotComparableException.class);
    }

    @Test
    void equalityIsByValueForNumbersAndByContentForListsAndDicts() {
        assertThat(PythonOrder.pyEquals(1, 1.0)).isTrue();
        assertThat(PythonOrder.pyEquals(true, 1L)).isTrue();
        assertThat(PythonOrder.pyEquals(2, 2.5)).isFalse();
        assertThat(PythonOrder.pyEquals(Double.NaN, Double.NaN)).isFalse();
        assertThat(PythonOrder.pyEquals(1, Double.NaN)).isFalse();
        assertThat(PythonOrder.pyEquals(List.of(1, 2.0), List.of(1.0, 2))).isTrue();
        assertThat(PythonOrder.pyEquals(List.of(1, 2), List.of(1, 3))).isFalse();
        assertThat(PythonOrder.pyEquals(List.of(1), List.of(1, 1))).isFalse();
        assertThat(PythonOrder.pyEquals(Map.of("a", 1), Map.of("a", 1.0))).isTrue();
        assertThat(PythonOrder.pyEquals(Map.of("a", 1), Map.of("a", 2))).isFalse();
        assertThat(PythonOrder.pyEquals(Map.of("a", 1), Map.of("b", 1))).isFalse();
        Map<String, Object> withNull = new HashMap<>();
        withNull.put("a", null);
        assertThat(PythonOrder.pyEquals(withNull, Map.of("b", 1))).isFalse();
        assertThat(PythonOrder.pyEquals(Map.of("a", List.of(1, Map.of("b", 2))), Map.of("a", List.of(1.0,
                Map.of("b", 2.0))))).isTrue();
        assertThat(PythonOrder.pyEquals(null, null)).isTrue();
        assertThat(PythonOrder.pyEquals("a", "a")).isTrue();
        assertThat(PythonOrder.pyEquals("1", 1)).isFalse();
        assertThat(PythonOrder.pyEquals(List.of(1), Map.of())).isFalse();
        assertThat(PythonOrder.pyEquals(Arrays.asList(1, null), Arrays.asList(1, null))).isTrue();
    }
}
