package io.repro4j.harness.fingerprint;

import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every reference vector, one dynamic test each. Point it at another file of the same format with
 * {@code mvn -o -B -pl harness test -Dtest=ReferenceVectorsTest -Drepro4j.vectors=/path/to/vectors.json}.
 */
class ReferenceVectorsTest {

    @TestFactory
    List<DynamicTest> matchesEveryReferenceVector() {
        return ReferenceVectors.dynamicTests(ReferenceVectors.selected());
    }
}
