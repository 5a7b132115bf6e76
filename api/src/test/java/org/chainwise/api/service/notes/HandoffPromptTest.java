package org.chainwise.api.service.notes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.chainwise.api.service.notes.NoteObject.DemoSetting;
import org.chainwise.bank.concept.ChainRulePage;
import org.junit.jupiter.api.Test;

class HandoffPromptTest {

    private static final ChainRulePage PAGE = ChainRulePage.standard();

    private static NoteObject part(String key, List<DemoSetting> state) {
        return new NoteObject.PagePart(ObjectKey.parse(key, "objectKey"),
                PAGE.byKey(key.replaceFirst("\\?.*", "")).orElseThrow(), state);
    }

    @Test
    void anEquationNoteNamesTheEquationInTextAndLatexThenEveryFieldOfTheNote() {
        NoteDraft note = NoteDraft.of("equation:chain-rule", "Why is f' read at g(x) and not at x?",
                "For sin(x^2) I wrote 2x cos(x) and it was marked OUTER_AT_X.",
                "Seeing where the outer function is evaluated when x moves.", "Try the demo at x = 1.5.", "shared");

        assertThat(HandoffPrompt.of(part("equation:chain-rule", List.of()), note)).isEqualTo("""
                I am learning the chain rule with Chainwise and I have a question about one exact object. \
                Please help me resolve it: ask me what I think first, and give hints before a full answer.

                The object (equation:chain-rule): an equation of the chain-rule page.
                  Text: (f(g(x)))' = f'(g(x)) * g'(x)
                  LaTeX: \\frac{d}{dx} f\\bigl(g(x)\\bigr) = f'\\bigl(g(x)\\bigr)\\, g'(x)
                  Read aloud: The derivative of f of g of x is f-prime evaluated at g of x, times g-prime of x.

                My question: Why is f' read at g(x) and not at x?
                What I have noticed so far: For sin(x^2) I wrote 2x cos(x) and it was marked OUTER_AT_X.
                What would resolve it for me: Seeing where the outer function is evaluated when x moves.
                What I plan to do next: Try the demo at x = 1.5.
                """);
    }

    @Test
    void aDemoStateNoteGivesTheSlidersAndWhereTheStudentSetThemAndMarksUnwrittenFields() {
        NoteDraft note = NoteDraft.of("demo:graph-sliders?x=1.5&a=2", "Why does the right tangent get steeper?",
                null, " ", null, null);

        assertThat(HandoffPrompt.of(part("demo:graph-sliders?x=1.5&a=2",
                List.of(new DemoSetting("x", 1.5), new DemoSetting("a", 2))), note)).isEqualTo("""
                I am learning the chain rule with Chainwise and I have a question about one exact object. \
                Please help me resolve it: ask me what I think first, and give hints before a full answer.

                The object (demo:graph-sliders?x=1.5&a=2): the demo "Two linked graphs" of the chain-rule page.
                  What it shows: The left graph shows u = g(x), the right y = f(u). Moving x moves u, which moves y; \
                the tangent slopes at the two linked points multiply to the slope of y against x.
                  Sliders: x (the input point, -3 to 3); dx (the size of the nudge, 0.001 to 1); \
                a (the inner function's coefficient in g(x) = a x^2, -3 to 3)
                  Where I set them: x = 1.5, a = 2

                My question: Why does the right tangent get steeper?
                What I have noticed so far: (not written yet)
                What would resolve it for me: (not written yet)
                What I plan to do next: (not written yet)
                """);
    }

    @Test
    void aMisconceptionNoteCarriesThePagesWrongAnswerAndRepair() {
        NoteDraft note = NoteDraft.of("misconception:MISSING_INNER", "When do I stop multiplying?", null, null, null, null);

        String prompt = HandoffPrompt.of(part("misconception:MISSING_INNER", List.of()), note);

        assertThat(prompt).contains("""
                The object (misconception:MISSING_INNER): the misconception MISSING_INNER as the chain-rule page presents it.
                  The wrong answer it gives for sin(x^2): cos(x^2)
                  Why it is tempting: The outer derivative looks like the whole answer.
                  The repair: After the outer layer, ask what is inside and multiply by its derivative: here 2x.
                """);
    }

    @Test
    void anAttemptNoteGivesTheAnswerTheReadingTheVerdictAndTheDiagnosisAndAVanishedItemByItsVariant() {
        ObjectKey itemKey = ObjectKey.parse("item:12", "objectKey");
        NoteObject.ServedItem gone = new NoteObject.ServedItem(itemKey, 12, 3, "outer-sin", "DIFFERENTIATE|sin(3*x)",
                Optional.empty());
        NoteObject attempt = new NoteObject.AnsweredAttempt(ObjectKey.parse("attempt:7", "objectKey"), 7, 3, gone,
                "cos(3x)", Optional.of("cos(3*x)"), "incorrect", List.of("MISSING_INNER"));
        NoteDraft note = NoteDraft.of("attempt:7", "Where did the 3 go?", null, null, null, null);

        assertThat(HandoffPrompt.of(attempt, note)).contains("""
                The object (attempt:7): an answer given to a practice item of the family outer-sin.
                  Question: (no longer in the question bank; it was DIFFERENTIATE|sin(3*x))
                  Answer typed: cos(3x)
                  Read by the checker as: cos(3*x)
                  Graded: incorrect
                  Misconceptions diagnosed: MISSING_INNER

                My question: Where did the 3 go?
                """);
    }
}
