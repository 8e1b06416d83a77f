package io.repro4j.junit.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.repro4j.harness.View;
import io.repro4j.junit.DeterministicTraining;
import io.repro4j.junit.Isolation;
import io.repro4j.junit.Perturbation;
import java.lang.reflect.Method;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

class TrainingSpecTest {

    /**
     * The annotation shapes under test, on abstract methods: {@code @DeterministicTraining} alone declares a test, and
     * JUnit runs no abstract method.
     */
    interface Shapes {
        @DeterministicTraining
        void defaults();

        @DeterministicTraining(runs = 1, timeoutSeconds = 0)
        void tooFewRunsAndNoTime();

        @DeterministicTraining(view = View.SYMBOL_SPECIFIC)
        void symbolMissing();

        @DeterministicTraining(symbol = "AAPL")
        void symbolOnCrossSectional();

        @DeterministicTraining(target = "../etc", view = View.SYMBOL_SPECIFIC, symbol = "A/B")
        void unsafeNames();

        @DeterministicTraining(config = "intraday", perturb = {Perturbation.THREADS, Perturbation.THREADS})
        void explicitConfigAndDuplicatePerturbation();

        @DeterministicTraining(perturb = Perturbation.TEST_ORDER)
        void testOrderByDefault();

        @DeterministicTraining(perturb = Perturbation.TEST_ORDER, isolation = Isolation.CLASS)
        void testOrderInASharedChild();

        @DeterministicTraining(isolation = Isolation.TEST)
        void ownChildren();
    }

    @Test
    void isolationDefaultsToTheBuildsAndAnExplicitOneWins() {
        assertThat(spec("defaults").isolation()).isEqualTo(Isolation.TEST);
        assertThat(TrainingSpec.of(annotation("defaults"), method("defaults"), Isolation.CLASS).isolation())
                .isEqualTo(Isolation.CLASS);
        assertThat(TrainingSpec.of(annotation("ownChildren"), method("ownChildren"), Isolation.CLASS).isolation())
                .isEqualTo(Isolation.TEST);
    }

    @Test
    void testOrderNeedsASharedChild() {
        assertThatThrownBy(() -> spec("testOrderByDefault")).isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageContaining("perturb = TEST_ORDER needs isolation = Isolation.CLASS");
        assertThat(spec("testOrderInASharedChild").perturbations()).containsExactly(Perturbation.TEST_ORDER);
        assertThat(TrainingSpec.of(annotation("testOrderByDefault"), method("testOrderByDefault"), Isolation.CLASS)
                .isolation()).isEqualTo(Isolation.CLASS);
    }

    @Test
    void defaultsTakeTheMethodNameAsTargetAndPerturbIdentityHashes() {
        TrainingSpec spec = spec("defaults");
        assertThat(spec.runs()).isEqualTo(2);
        assertThat(spec.target()).isEqualTo("defaults");
        assertThat(spec.symbol()).isNull();
        assertThat(spec.configExplicit()).isFalse();
        assertThat(spec.perturbations()).containsExactly(Perturbation.IDENTITY_HASH);
        assertThat(spec.requireLedger()).isTrue();
        assertThat(spec.requireRecords()).isTrue();
    }

    @Test
    void namesEveryWrongAttributeAndTheTest() {
        assertThatThrownBy(() -> spec("tooFewRunsAndNoTime"))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageContaining("TrainingSpecTest$Shapes#tooFewRunsAndNoTime")
                .hasMessageContaining("runs = 1")
                .hasMessageContaining("timeoutSeconds = 0");
    }

    @Test
    void requiresASymbolForSymbolSpecificTraining() {
        assertThatThrownBy(() -> spec("symbolMissing")).hasMessageContaining("symbol is required for view = SYMBOL_SPECIFIC");
    }

    @Test
    void forbidsASymbolForCrossSectionalTraining() {
        assertThatThrownBy(() -> spec("symbolOnCrossSectional"))
                .hasMessageContaining("symbol = 'AAPL' is not allowed for view = CROSS_SECTIONAL");
    }

    @Test
    void rejectsNamesThatWouldLeaveTheResultsRoot() {
        assertThatThrownBy(() -> spec("unsafeNames"))
                .hasMessageContaining("target = '../etc'")
                .hasMessageContaining("symbol = 'A/B'");
    }

    @Test
    void marksANonDefaultConfigAsRequiredAndRejectsDuplicates() {
        assertThatThrownBy(() -> spec("explicitConfigAndDuplicatePerturbation"))
                .hasMessageContaining("perturb lists THREADS twice");
    }

    private static TrainingSpec spec(String name) {
        return TrainingSpec.of(annotation(name), method(name));
    }

    private static Method method(String name) {
        try {
            return Shapes.class.getDeclaredMethod(name);
        } catch (NoSuchMethodException e) {
            throw new AssertionError(e);
        }
    }

    private static DeterministicTraining annotation(String name) {
        return method(name).getAnnotation(DeterministicTraining.class);
    }
}
