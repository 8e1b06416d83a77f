package io.repro4j.harness.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PyFloatTest {

    @ParameterizedTest(name = "repr({0}) == {1}")
    @CsvSource({
        "5.0, 5.0",
        "0.1, 0.1",
        "1e-5, 1e-05",
        "0.0001, 0.0001",
        "1e16, 1e+16",
        "1234567890123456.0, 1234567890123456.0",
        "-0.0, -0.0",
        "0.0, 0.0",
        "1.5e300, 1.5e+300",
        "1e23, 1e+23",
        "0.002, 0.002",
        "2.82879384806159E17, 2.82879384806159e+17",
        "1.18575755E-316, 1.18575755e-316",
        "4.9E-324, 5e-324",
        "1.7976931348623157E308, 1.7976931348623157e+308",
        "123456789012345678, 1.2345678901234568e+17",
        "0.30000000000000004, 0.30000000000000004",
        "-2.5e-7, -2.5e-07",
        "100.0, 100.0",
        "Infinity, inf",
        "-Infinity, -inf",
        "NaN, nan",
    })
    void writesPythonsShortestRoundTripRepr(double x, String python) {
        assertThat(PyFloat.repr(x)).isEqualTo(python);
    }

    @ParameterizedTest(name = "round({0}, {1}) == {2}")
    @CsvSource({
        "2.675, 2, 2.67",        // the exact binary value is just below 2.675
        "5e-7, 6, 0.0",          // the exact binary value is just below 5e-7
        "1.0000005, 6, 1.000001",
        "2.5, 0, 2.0",
        "-1e-300, 6, -0.0",      // the sign of zero survives
        "123456789.12345679, 6, 123456789.123457",
    })
    void roundsHalfEvenOnTheExactBinaryValue(double x, int ndigits, double python) {
        assertThat(Double.doubleToRawLongBits(PyFloat.round(x, ndigits)))
                .as("round(%s, %d)", x, ndigits)
                .isEqualTo(Double.doubleToRawLongBits(python));
    }
}
