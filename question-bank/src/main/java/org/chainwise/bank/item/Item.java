package org.chainwise.bank.item;

import java.util.List;
import java.util.Objects;
import org.chainwise.engine.mastery.Skill;

/**
 * One practice or assessment item, reproducible from (family, parameters, seed): the same three
 * always give an equal item, and {@code id} is derived from them alone.
 *
 * @param variables  the variables the answer may use, the differentiation variable first
 * @param function   the function the question is about (for a Jacobian item, the composite z(t))
 * @param answer     the canonical answer in named parts; {@link #canonicalAnswer()} is the first
 * @param layers     the composition layers, outer to inner (empty when the item is not one chain)
 */
public record Item(
        String id,
        String family,
        Parameters parameters,
        long seed,
        ItemType type,
        Stem stem,
        List<String> variables,
        Formula function,
        List<AnswerPart> answer,
        List<Layer> layers,
        List<Skill> skills,
        List<Given> givens,
        HintLadder hints,
        List<SolutionStep> solution,
        List<Distractor> distractors) {

    public Item {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(stem, "stem");
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(hints, "hints");
        variables = List.copyOf(variables);
        answer = List.copyOf(answer);
        layers = List.copyOf(layers);
        skills = List.copyOf(skills);
        givens = List.copyOf(givens);
        solution = List.copyOf(solution);
        distractors = List.copyOf(distractors);
        if (variables.isEmpty() || answer.isEmpty() || skills.isEmpty()) {
            throw new IllegalArgumentException("an item needs a variable, an answer and a skill: " + id);
        }
    }

    /** The stable id of the item drawn from (family, parameters, seed). */
    public static String idOf(String family, Parameters parameters, long seed) {
        return family + "/" + parameters.key() + "/" + seed;
    }

    /** The variable the question differentiates by (or evaluates in). */
    public String variable() {
        return variables.getFirst();
    }

    /** The answer a correct student gives; for a decomposition, the outer function f. */
    public Formula canonicalAnswer() {
        return answer.getFirst().value();
    }

    /**
     * What makes two items the same exercise for a student, whatever their seeds: the type, the
     * function and the givens. A practice set never repeats one.
     */
    public String variantKey() {
        StringBuilder key = new StringBuilder(type.name()).append('|').append(function.text());
        givens.forEach(g -> key.append('|').append(g.name()).append('=').append(g.value().text()));
        return key.toString();
    }
}
