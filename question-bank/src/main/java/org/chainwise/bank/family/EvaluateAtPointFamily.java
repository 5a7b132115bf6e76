package org.chainwise.bank.family;

import java.util.List;
import java.util.Optional;
import org.chainwise.bank.generate.ChainItems;
import org.chainwise.bank.generate.Dice;
import org.chainwise.bank.generate.Family;
import org.chainwise.bank.generate.PointValues.AtPoint;
import org.chainwise.bank.generate.PointValues;
import org.chainwise.bank.item.AnswerPart;
import org.chainwise.bank.item.Formula;
import org.chainwise.bank.item.Given;
import org.chainwise.bank.item.Item;
import org.chainwise.bank.item.ItemType;
import org.chainwise.bank.item.Parameters;
import org.chainwise.bank.item.Stem.Inline;
import org.chainwise.bank.item.Stem;
import org.chainwise.engine.expr.Num;
import org.chainwise.engine.expr.Rational;
import org.chainwise.engine.mastery.Skill;

/** The derivative's value at a whole-number point: {@code h(x) = (2x + 1)^3, find h'(1)}; the answer is a number. */
public record EvaluateAtPointFamily() implements Family {

    private static final List<Skill> SKILLS = List.of(Skill.EVALUATE_AT_INNER, Skill.OUTER_DERIVATIVE, Skill.INNER_FACTOR);

    @Override
    public String name() {
        return "evaluate-at-point";
    }

    @Override
    public List<Skill> skills() {
        return SKILLS;
    }

    @Override
    public ItemType type() {
        return ItemType.EVALUATE_AT_POINT;
    }

    @Override
    public Optional<Item> generate(Parameters parameters, long seed) {
        Dice dice = Dice.forItem(name(), parameters, seed);
        return PointValues.draw(dice, parameters).map(p -> item(parameters, seed, p));
    }

    private Item item(Parameters parameters, long seed, AtPoint p) {
        Formula function = Formula.of(p.chain().function());
        Stem stem = Stem.of("Let {}. Find {}.", Inline.equation("h(x)", function), Inline.symbol("h'(" + p.x0() + ")"));
        return new Item(Item.idOf(name(), parameters, seed), name(), parameters, seed, type(), stem, List.of("x"), function,
                List.of(new AnswerPart("answer", "x", Formula.decimal(p.derivative()))), p.chain().itemLayers(),
                SKILLS,
                List.of(new Given("x", Formula.of(Num.of(p.x0())))), ChainItems.hints(p.chain()),
                ChainItems.solution(p.chain()), PointValues.buggyValues(p.chain(), p.x0(), Rational.ONE, p.derivative()));
    }
}
