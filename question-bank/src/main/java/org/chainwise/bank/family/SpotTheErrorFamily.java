package org.chainwise.bank.family;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.chainwise.bank.generate.ChainItems;
import org.chainwise.bank.generate.Chains;
import org.chainwise.bank.generate.Dice;
import org.chainwise.bank.generate.Family;
import org.chainwise.bank.item.Distractor;
import org.chainwise.bank.item.Given;
import org.chainwise.bank.item.Item;
import org.chainwise.bank.item.ItemType;
import org.chainwise.bank.item.Parameters;
import org.chainwise.bank.item.Stem.Inline;
import org.chainwise.bank.item.Stem;
import org.chainwise.engine.diagnose.Misconception;
import org.chainwise.engine.mastery.Skill;

/**
 * Spot the error: a student's answer with one bug from a misconception is shown; find it and give the
 * correct derivative. The shown answer is the first distractor, with its code, and the item's skill
 * is the one that misconception undermines.
 */
public record SpotTheErrorFamily() implements Family {

    private static final List<Skill> SKILLS = List.of(Skill.EVALUATE_AT_INNER, Skill.INNER_FACTOR, Skill.CHAIN_VS_PRODUCT, Skill.DECOMPOSE,
            Skill.OUTER_DERIVATIVE, Skill.MULTI_LAYER);

    @Override
    public String name() {
        return "spot-the-error";
    }

    @Override
    public List<Skill> skills() {
        return SKILLS;
    }

    @Override
    public ItemType type() {
        return ItemType.SPOT_THE_ERROR;
    }

    @Override
    public Optional<Item> generate(Parameters parameters, long seed) {
        Dice dice = Dice.forItem(name(), parameters, seed);
        return Chains.draw(dice, parameters, null, null, "x").flatMap(chain -> {
            Item plain = ChainItems.differentiate(name(), parameters, seed, chain, List.of(Skill.OUTER_DERIVATIVE));
            if (plain.distractors().isEmpty()) {
                return Optional.empty();
            }
            Distractor bug = dice.pick(plain.distractors());
            Optional<List<String>> work = StudentWork.of(chain, bug);
            if (work.isEmpty()) {
                return Optional.empty();
            }
            Stem stem = Stem.of("A student differentiated {} and wrote: " + String.join(" ", work.get())
                            + " Name the mistake and give the correct derivative.",
                    Inline.equation("h(x)", plain.function()));
            List<Distractor> distractors = new ArrayList<>(List.of(bug));
            plain.distractors().stream().filter(d -> d != bug).forEach(distractors::add);
            List<Skill> skills = new ArrayList<>(List.of(skillBehind(bug.code())));
            if (chain.depth() > 2) {
                skills.add(Skill.MULTI_LAYER);
            }
            return Optional.of(new Item(plain.id(), name(), parameters, seed, type(), stem, plain.variables(), plain.function(),
                    plain.answer(), plain.layers(), skills, List.of(new Given("student answer", bug.answer())),
                    plain.hints(), plain.solution(), distractors));
        });
    }

    /** The skill a misconception shows is missing, so a spotted error credits the right thing. */
    static Skill skillBehind(Misconception code) {
        return switch (code) {
            case OUTER_AT_X -> Skill.EVALUATE_AT_INNER;
            case MISSING_INNER, COMPOSED_DERIVATIVES, ADDED_NOT_MULTIPLIED -> Skill.INNER_FACTOR;
            case PRODUCT_RULE -> Skill.CHAIN_VS_PRODUCT;
            case REVERSED_NESTING -> Skill.DECOMPOSE;
            case WRONG_OUTER_DERIVATIVE, OTHER -> Skill.OUTER_DERIVATIVE;
        };
    }
}
