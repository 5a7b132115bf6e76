package org.chainwise.api.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Map;
import org.chainwise.api.service.Feedback;
import org.chainwise.api.service.ItemState;
import org.chainwise.api.service.NextItem;
import org.chainwise.api.service.Progress;
import org.chainwise.api.service.SubmitOutcome;
import org.chainwise.api.store.CompletionRule;
import org.chainwise.api.store.StoredPracticeSet;
import org.chainwise.bank.item.Item;
import org.chainwise.bank.item.SolutionStep;
import org.chainwise.engine.check.InputError;
import org.chainwise.engine.check.Interpretation;
import org.chainwise.engine.mastery.Skill;

/** The JSON bodies of the practice routes (every field always present; absent values are null). */
final class PracticeViews {

    private PracticeViews() {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record MathText(String text, String latex) {

        static MathText of(Interpretation interpretation) {
            return interpretation == null ? null : new MathText(interpretation.text(), interpretation.latex());
        }
    }

    /** {@code {id, title, skills, families, completion}}: {@code families} empty means every family of the skills. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record PracticeSetView(long id, String title, List<String> skills, List<String> families, CompletionView completion) {

        static PracticeSetView of(StoredPracticeSet set) {
            return new PracticeSetView(set.id(), set.definition().title(),
                    set.definition().skills().stream().map(Skill::name).toList(), set.definition().families(),
                    CompletionView.of(set.definition().completion()));
        }
    }

    /** {@code {rule: "mastery", threshold}} or {@code {rule: "item_count", items}}. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CompletionView(String rule, Double threshold, Integer items) {

        static CompletionView of(CompletionRule rule) {
            return switch (rule) {
                case CompletionRule.Mastery m -> new CompletionView(rule.wireName(), m.threshold(), null);
                case CompletionRule.ItemCount c -> new CompletionView(rule.wireName(), null, c.items());
            };
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record AnswerPartView(String name, String variable) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record GivenView(String name, String text, String latex) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record HintView(int step, String text, String latex, int hintsLeft) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ShownHint(int step, String text, String latex) {
    }

    /** An item as a learner sees it: never its answer, distractors or solution. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ItemView(long id, String family, String type, MathText stem, List<String> variables,
            List<AnswerPartView> answerParts, List<GivenView> givens, List<ShownHint> hintsShown, int hintsLeft,
            boolean solved, boolean solutionShown) {

        static ItemView of(ItemState state) {
            Item item = state.item();
            int shown = state.served().hintsShown();
            List<String> hints = item.hints().inOrder();
            return new ItemView(state.served().id(), item.family(), item.type().name(),
                    new MathText(item.stem().text(), item.stem().latex()), item.variables(),
                    item.answer().stream().map(p -> new AnswerPartView(p.name(), p.variable())).toList(),
                    item.givens().stream().map(g -> new GivenView(g.name(), g.value().text(), g.value().latex())).toList(),
                    java.util.stream.IntStream.rangeClosed(1, shown).mapToObj(step -> new ShownHint(step, hints.get(step - 1),
                            hints.get(step - 1))).toList(),
                    hints.size() - shown, state.served().solved(), state.served().solutionShown());
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record SkillView(String skill, double pMastery, boolean mastered) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record MisconceptionBeliefView(String code, double belief, boolean held) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ProgressView(List<SkillView> skills, List<MisconceptionBeliefView> misconceptions, int itemsAttempted,
            int itemsCorrect, boolean completed) {

        static ProgressView of(Progress progress) {
            return new ProgressView(
                    progress.skills().stream().map(s -> new SkillView(s.skill().name(), s.pMastery(), s.mastered())).toList(),
                    progress.misconceptions().stream().map(m -> new MisconceptionBeliefView(m.code().name(), m.belief(), m.held())).toList(),
                    progress.itemsAttempted(), progress.itemsCorrect(), progress.completed());
        }
    }

    /** {@code {item, progress, message}}: {@code item} null when there is nothing to serve, and {@code message} says why. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record NextView(ItemView item, ProgressView progress, String message) {

        static NextView of(NextItem next) {
            return new NextView(next.item().map(ItemView::of).orElse(null), ProgressView.of(next.progress()), next.reason());
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ErrorView(String message, int position) {

        static ErrorView of(InputError error) {
            return error == null ? null : new ErrorView(error.message(), error.position());
        }
    }

    /** {@code {valid, interpretedAs, error}}: exactly one of the last two is non-null. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record PreviewView(boolean valid, MathText interpretedAs, ErrorView error) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ConceptRef(String key, String title) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record MisconceptionView(String code, int layer, String explanation, ConceptRef concept) {

        static MisconceptionView of(Feedback.Named named) {
            return new MisconceptionView(named.code().name(), named.layer(), named.explanation(),
                    new ConceptRef(named.conceptKey(), named.conceptTitle()));
        }
    }

    /** The result of a submission; {@code error} is set for an invalid answer only. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record AttemptView(long attemptId, String verdict, MathText interpretedAs, ErrorView error,
            List<MisconceptionView> misconceptions, String feedback, boolean solved, ProgressView progress, boolean duplicate) {

        static AttemptView of(SubmitOutcome outcome) {
            return new AttemptView(outcome.attemptId(), outcome.verdict().wireName(),
                    outcome.interpretedAs().map(MathText::of).orElse(null), outcome.error().map(ErrorView::of).orElse(null),
                    outcome.feedback().misconceptions().stream().map(MisconceptionView::of).toList(),
                    outcome.feedback().text(), outcome.solved(), ProgressView.of(outcome.progress()), outcome.duplicate());
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record SolutionStepView(String kind, String text, String latex) {
    }

    /** {@code {steps: [{kind, text, latex}]}}: each step's explanation and the expression it arrives at. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record SolutionView(List<SolutionStepView> steps) {

        static SolutionView of(List<SolutionStep> steps) {
            return new SolutionView(steps.stream().map(s -> new SolutionStepView(s.kind().name(),
                    s.explanation() + " " + s.result().text(), s.result().latex())).toList());
        }
    }

    /** {@code POST /items/{id}/preview}: the text of one part ({@code part} defaults to the item's first). */
    @Serdeable
    record PreviewRequest(String answer, String part) {
    }

    /** {@code POST /items/{id}/attempts}: a client-made uuid per submit, the answer's parts, and when the learner started (ISO-8601). */
    @Serdeable
    record AttemptRequest(String submissionId, Map<String, String> answers, String startedAt) {
    }
}
