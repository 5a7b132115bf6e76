package org.chainwise.bank.cli;

import java.util.List;
import org.chainwise.bank.item.AnswerPart;
import org.chainwise.bank.item.Item;
import org.chainwise.bank.item.Layer;

/** One item as a line of the {@code sample} command's JSON Lines output: the printed forms, no ASTs. */
record ItemLine(
        String id,
        String family,
        long seed,
        String type,
        String stem,
        String stemLatex,
        String function,
        String variable,
        String canonicalAnswer,
        String canonicalAnswerLatex,
        List<String> layers,
        List<String> skills,
        List<Given> givens,
        List<Distractor> distractors,
        List<String> hints,
        List<String> solution) {

    record Distractor(String answer, String code, int layer) {
    }

    record Given(String name, String value) {
    }

    static ItemLine of(Item item) {
        List<AnswerPart> parts = item.answer();
        String answer = parts.size() == 1 ? parts.getFirst().value().text()
                : String.join("; ", parts.stream().map(p -> p.name() + "(" + p.variable() + ") = " + p.value().text()).toList());
        String answerLatex = parts.size() == 1 ? parts.getFirst().value().latex()
                : String.join(",\\quad ", parts.stream().map(p -> p.name() + "(" + p.variable() + ") = " + p.value().latex()).toList());
        return new ItemLine(item.id(), item.family(), item.seed(), item.type().name(),
                item.stem().text(), item.stem().latex(), item.function().text(), item.variable(), answer, answerLatex,
                item.layers().stream().map(Layer::function).map(f -> f.text()).toList(),
                item.skills().stream().map(Enum::name).toList(),
                item.givens().stream().map(g -> new Given(g.name(), g.value().text())).toList(),
                item.distractors().stream().map(d -> new Distractor(d.answer().text(), d.code().name(), d.layer())).toList(),
                item.hints().inOrder(),
                item.solution().stream().map(s -> s.explanation()).toList());
    }
}
