package org.chainwise.bank.concept;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.chainwise.bank.item.SolutionStep;
import org.chainwise.engine.calculus.Derivative;
import org.chainwise.engine.calculus.NumericFunction;
import org.chainwise.engine.diagnose.Misconception;
import org.chainwise.engine.expr.Algebra;
import org.chainwise.engine.expr.Expr;
import org.chainwise.engine.expr.Fn;
import org.chainwise.engine.expr.Var;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChainRulePageTest {

    private static final ChainRulePage PAGE = ChainRulePage.standard();

    @ParameterizedTest
    @ValueSource(strings = {"concept:calculus/chain-rule", "intuition:chain-rule", "equation:chain-rule", "demo:graph-sliders",
        "demo:graph-two-layer",
        "witness:torch-autograd", "misconception:OUTER_AT_X", "misconception:REVERSED_NESTING", "practice:chain-rule/loop",
        "research:chain-rule/prompt", "example:chain-rule/sine-of-a-square", "claim:chain-rule/autograd-is-the-chain-rule"})
    void findsEachPartByItsStableKey(String key) {
        assertThat(PAGE.byKey(key)).get().extracting(ConceptPart::key).isEqualTo(key);
    }

    @Test
    void anUnknownKeyFindsNothing() {
        assertThat(PAGE.byKey("equation:product-rule")).isEmpty();
    }

    @Test
    void theConceptListsEveryOtherPartInReadingOrderAndEveryReferenceResolves() {
        Concept concept = (Concept) PAGE.byKey(ChainRulePage.CONCEPT).orElseThrow();
        assertThat(concept.parts()).containsExactlyElementsOf(PAGE.parts().stream().skip(1).map(ConceptPart::key).toList());
        for (Claim claim : PAGE.partsOf(Claim.class)) {
            assertThat(claim.supportedBy()).allSatisfy(key -> assertThat(PAGE.byKey(key)).as(key).isPresent());
        }
    }

    @Test
    void everyMisconceptionCodeHasItsRepair() {
        for (Misconception code : Misconception.values()) {
            MisconceptionRepair repair = (MisconceptionRepair) PAGE.byKey("misconception:" + code).orElseThrow();
            assertThat(repair.code()).isEqualTo(code);
            assertThat(repair.repair()).isNotBlank();
        }
    }

    @Test
    void theTorchWitnessValueIsTheChainRuleValueComputedByOurEngine() {
        CodeWitness witness = (CodeWitness) PAGE.byKey(ChainRulePage.WITNESS).orElseThrow();
        Var x = new Var("x");
        Expr function = Algebra.apply(Fn.SIN, Algebra.power(x, Algebra.num(2)));
        double ours = NumericFunction.compile(Derivative.of(function, "x"), "x").evaluate(witness.point());
        assertThat(witness.point()).isEqualTo(1.5);
        assertThat(ours).isCloseTo(witness.analyticValue(), org.assertj.core.data.Offset.offset(1e-15));
        assertThat(ours).isCloseTo(-1.8845, org.assertj.core.data.Offset.offset(1e-4));
        // torch prints float32 to four decimals: the printed autograd value is our value rounded.
        assertThat(Double.parseDouble(witness.autogradValue())).isCloseTo(ours, org.assertj.core.data.Offset.offset(5e-5));
        assertThat(witness.code()).contains("torch.sin(x ** 2)", "backward()", witness.autogradValue());
    }

    @Test
    void theFiveWorkedExamplesAreTheOnesThePageNamesWithTheirDerivatives() {
        List<WorkedExample> examples = PAGE.partsOf(WorkedExample.class);
        assertThat(examples).extracting(e -> e.function().text())
                .containsExactly("(3*x + 1)^2", "sin(x^2)", "sin(x)^3", "sin(cos(x))", "e^(2*x)");
        assertThat(examples).extracting(e -> e.derivative().text())
                .containsExactly("6*(3*x + 1)", "2*x*cos(x^2)", "3*sin(x)^2*cos(x)", "-cos(cos(x))*sin(x)", "2*e^(2*x)");
        for (WorkedExample example : examples) {
            assertThat(example.layers()).hasSize(2);
            assertThat(example.steps()).extracting(SolutionStep::kind).containsExactly(SolutionStep.Kind.values());
        }
    }

    @Test
    void thePracticeLoopPredictsThenRevealsThreeTimesAndScoresByTheRubric() {
        PracticeLoop loop = (PracticeLoop) PAGE.byKey(ChainRulePage.PRACTICE).orElseThrow();
        assertThat(loop.predict()).startsWith("Before you differentiate, predict");
        assertThat(loop.reveals()).hasSize(3);
        assertThat(loop.rubric()).extracting(PracticeLoop.RubricLevel::points).isSortedAccordingTo((a, b) -> b - a);
        assertThat(Arrays.asList(loop.rubric().getFirst().name(), loop.rubric().getLast().name())).containsExactly("complete", "not-yet");
    }
}
