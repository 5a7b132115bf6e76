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

/**
 * Predict by linearisation: x moves from a point by a small nudge dx; about how much does h move?
 * The answer is h'(x0) dx, the change the chain rule predicts before anyone computes h again.
 */
public record PredictFamily() implements Family {

    private static final List<Skill> SKILLS = List.of(Skill.EVALUATE_AT_INNER, Skill.INNER_FACTOR, Skill.OUTER_DERIVATIVE);

    private static final List<Rational> NUDGES = List.of(
            Rational.of(1, 100), Rational.of(1, 50), Rational.of(1, 20), Rational.of(1, 10), Rational.of(-1, 100), Rational.of(-1, 20));

    @Override
    public String name() {
        return "predict";
    }

    @Override
    public List<Skill> skills() {
        return SKILLS;
    }

    @Override
    public ItemType type() {
        return ItemType.PREDICT;
    }

    @Override
    public Optional<Item> generate(Parameters parameters, long seed) {
        Dice dice = Dice.forItem(name(), parameters, seed);
        Rational dx = dice.pick(NUDGES);
        // A predicted change is read as a decimal: points where it has none (-3/1300) are passed over.
        return PointValues.draw(dice, parameters, derivative -> !Formula.decimal(derivative.multiply(dx)).text().contains("/"))
                .map(p -> item(parameters, seed, p, dx));
    }

    private Item item(Parameters parameters, long seed, AtPoint p, Rational dx) {
        Formula function = Formula.of(p.chain().function());
        Formula nudge = Formula.decimal(dx);
        Formula moved = Formula.decimal(Rational.of(p.x0()).add(dx));
        Stem stem = Stem.of("Let {}. When x moves from {} to {}, by about how much does h change? Use the linear approximation {}.",
                Inline.equation("h(x)", function), Inline.symbol(Integer.toString(p.x0())), Inline.of(moved),
                new Inline("dh ≈ h'(x) dx", "\\mathrm{d}h \\approx h'(x)\\,\\mathrm{d}x"));
        return new Item(Item.idOf(name(), parameters, seed), name(), parameters, seed, type(), stem, List.of("x"), function,
                List.of(new AnswerPart("answer", "x", Formula.decimal(p.derivative().multiply(dx)))), p.chain().itemLayers(),
                SKILLS,
                List.of(new Given("x", Formula.of(Num.of(p.x0()))), new Given("dx", nudge)), ChainItems.hints(p.chain()),
                ChainItems.solution(p.chain()), PointValues.buggyValues(p.chain(), p.x0(), dx, p.derivative().multiply(dx)));
    }
}
