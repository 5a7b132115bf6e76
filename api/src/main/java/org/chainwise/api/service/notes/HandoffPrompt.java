package org.chainwise.api.service.notes;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.chainwise.bank.concept.Claim;
import org.chainwise.bank.concept.CodeWitness;
import org.chainwise.bank.concept.Concept;
import org.chainwise.bank.concept.ConceptPart;
import org.chainwise.bank.concept.Demo;
import org.chainwise.bank.concept.Equation;
import org.chainwise.bank.concept.Intuition;
import org.chainwise.bank.concept.MisconceptionRepair;
import org.chainwise.bank.concept.PracticeLoop;
import org.chainwise.bank.concept.ResearchPrompt;
import org.chainwise.bank.concept.WorkedExample;
import org.chainwise.bank.item.Item;

/**
 * The plain-text prompt a student pastes to a tutor, human or AI, to carry a research note over: it
 * names the object with its content (text and LaTeX for page parts, the stem for items, the answer and
 * its diagnosis for attempts), then the question, the evidence, what would resolve it and the next
 * action. A pure function of the object and the note: the same two always give the same text.
 */
public final class HandoffPrompt {

    static final String NOT_WRITTEN = "(not written yet)";

    private HandoffPrompt() {
    }

    public static String of(NoteObject object, NoteDraft note) {
        StringBuilder prompt = new StringBuilder()
                .append("I am learning the chain rule with Chainwise and I have a question about one exact object. ")
                .append("Please help me resolve it: ask me what I think first, and give hints before a full answer.\n\n")
                .append("The object (").append(object.key().text()).append("): ");
        describe(object, prompt);
        prompt.append('\n')
                .append("My question: ").append(note.question()).append('\n')
                .append("What I have noticed so far: ").append(note.evidence().orElse(NOT_WRITTEN)).append('\n')
                .append("What would resolve it for me: ").append(note.resolution().orElse(NOT_WRITTEN)).append('\n')
                .append("What I plan to do next: ").append(note.nextAction().orElse(NOT_WRITTEN)).append('\n');
        return prompt.toString();
    }

    private static void describe(NoteObject object, StringBuilder out) {
        switch (object) {
            case NoteObject.PagePart part -> page(part.part(), part.demoState(), out);
            case NoteObject.BankItem bank -> {
                out.append("a question-bank item of the family ").append(bank.item().family()).append(".\n");
                stem(bank.item(), out);
            }
            case NoteObject.ServedItem served -> {
                out.append("a practice item of the family ").append(served.family()).append(".\n");
                servedStem(served, out);
            }
            case NoteObject.AnsweredAttempt attempt -> {
                out.append("an answer given to a practice item of the family ").append(attempt.item().family()).append(".\n");
                servedStem(attempt.item(), out);
                line(out, "Answer typed", attempt.answer());
                attempt.interpretedAs().ifPresent(read -> line(out, "Read by the checker as", read));
                line(out, "Graded", attempt.verdict());
                if (!attempt.misconceptions().isEmpty()) {
                    line(out, "Misconceptions diagnosed", String.join(", ", attempt.misconceptions()));
                }
            }
            case NoteObject.Source source -> out.append("a source outside the page: ").append(source.reference()).append(".\n");
        }
    }

    private static void page(ConceptPart part, List<NoteObject.DemoSetting> demoState, StringBuilder out) {
        switch (part) {
            case Concept concept -> {
                out.append("the concept \"").append(concept.title()).append("\" of the chain-rule page.\n");
                line(out, "Summary", concept.summary());
            }
            case Intuition intuition -> {
                out.append("the intuition of the chain-rule page.\n");
                line(out, "Text", intuition.text());
            }
            case Equation equation -> {
                out.append("an equation of the chain-rule page.\n");
                line(out, "Text", equation.text());
                line(out, "LaTeX", equation.latex());
                line(out, "Read aloud", equation.reading());
            }
            case Demo demo -> {
                out.append("the demo \"").append(demo.title()).append("\" of the chain-rule page.\n");
                line(out, "What it shows", demo.description());
                line(out, "Sliders", demo.sliders().stream()
                        .map(s -> s.name() + " (" + s.controls() + ", " + number(s.min()) + " to " + number(s.max()) + ")")
                        .collect(Collectors.joining("; ")));
                if (!demoState.isEmpty()) {
                    line(out, "Where I set them", demoState.stream().map(s -> s.slider() + " = " + number(s.value()))
                            .collect(Collectors.joining(", ")));
                }
            }
            case CodeWitness witness -> {
                out.append("a code witness of the chain-rule page (").append(witness.language())
                        .append("): automatic differentiation of ").append(witness.function()).append(" at ")
                        .append(number(witness.point())).append(" gives ").append(witness.autogradValue()).append(".\n");
                line(out, "Code", "");
                witness.code().strip().lines().forEach(l -> out.append("    ").append(l).append('\n'));
            }
            case Claim claim -> {
                out.append("a claim of the chain-rule page.\n");
                line(out, "Statement", claim.statement());
                line(out, "Supported by", String.join(", ", claim.supportedBy()));
            }
            case MisconceptionRepair repair -> {
                out.append("the misconception ").append(repair.code().name()).append(" as the chain-rule page presents it.\n");
                line(out, "The wrong answer it gives for sin(x^2)", repair.wrongAnswer());
                line(out, "Why it is tempting", repair.why());
                line(out, "The repair", repair.repair());
            }
            case WorkedExample example -> {
                out.append("a worked example of the chain-rule page.\n");
                line(out, "Function", example.function().text() + "   (LaTeX: " + example.function().latex() + ")");
                line(out, "Derivative", example.derivative().text() + "   (LaTeX: " + example.derivative().latex() + ")");
            }
            case PracticeLoop loop -> {
                out.append("the practice loop of the chain-rule page.\n");
                line(out, "Prediction asked for", loop.predict());
            }
            case ResearchPrompt research -> {
                out.append("the research prompt of the chain-rule page.\n");
                line(out, "Prompt", research.prompt());
            }
        }
    }

    private static void servedStem(NoteObject.ServedItem served, StringBuilder out) {
        Optional<Item> item = served.item();
        if (item.isPresent()) {
            stem(item.get(), out);
        } else {
            line(out, "Question", "(no longer in the question bank; it was " + served.variantKey() + ")");
        }
    }

    private static void stem(Item item, StringBuilder out) {
        line(out, "Question", item.stem().text());
        line(out, "LaTeX", item.stem().latex());
    }

    private static void line(StringBuilder out, String label, String value) {
        out.append("  ").append(label).append(':');
        if (!value.isEmpty()) {
            out.append(' ').append(value);
        }
        out.append('\n');
    }

    /** 1.5 as 1.5 and 3.0 as 3: how a person writes a slider's value. */
    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.valueOf((long) value) : String.valueOf(value);
    }
}
