package org.chainwise.bank.concept;

import static org.chainwise.engine.expr.Algebra.apply;
import static org.chainwise.engine.expr.Algebra.num;
import static org.chainwise.engine.expr.Algebra.power;
import static org.chainwise.engine.expr.Algebra.product;
import static org.chainwise.engine.expr.Algebra.sum;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.chainwise.bank.concept.Demo.Slider;
import org.chainwise.bank.concept.PracticeLoop.RubricLevel;
import org.chainwise.bank.generate.ChainItems;
import org.chainwise.bank.generate.Chain;
import org.chainwise.bank.item.Formula;
import org.chainwise.engine.diagnose.Misconception;
import org.chainwise.engine.expr.Expr;
import org.chainwise.engine.expr.Fn;
import org.chainwise.engine.expr.Var;
import org.chainwise.engine.mastery.Skill;

/** The chain-rule page as structured data: every part under its stable key, in reading order. */
public final class ChainRulePage {

    public static final String CONCEPT = "concept:calculus/chain-rule";
    public static final String INTUITION = "intuition:chain-rule";
    public static final String EQUATION = "equation:chain-rule";
    public static final String LEIBNIZ = "equation:chain-rule/leibniz";
    public static final String DEMO = "demo:graph-sliders";
    public static final String DEMO_TWO_LAYER = "demo:graph-two-layer";
    public static final String WITNESS = "witness:torch-autograd";
    public static final String PRACTICE = "practice:chain-rule/loop";
    public static final String RESEARCH = "research:chain-rule/prompt";

    /** The point and value of the torch witness: d/dx sin(x^2) = 2x cos(x^2) = 3 cos(2.25) at x = 1.5. */
    static final double WITNESS_POINT = 1.5;
    static final double WITNESS_VALUE = -1.8845208681682175;

    private final Map<String, ConceptPart> parts;

    private ChainRulePage(List<ConceptPart> parts) {
        Map<String, ConceptPart> byKey = new LinkedHashMap<>();
        for (ConceptPart part : parts) {
            if (byKey.put(part.key(), part) != null) {
                throw new IllegalArgumentException("two parts keyed " + part.key());
            }
        }
        this.parts = byKey;
    }

    public static ChainRulePage standard() {
        List<ConceptPart> body = new ArrayList<>();
        body.add(new Intuition(INTUITION, "When y depends on u and u depends on x, a small nudge to x is scaled twice: "
                + "by how fast u responds to x, then by how fast y responds to u. The rates multiply. The outer rate is "
                + "read where the chain actually is, at u = g(x), not at x."));
        body.add(new Equation(EQUATION, "(f(g(x)))' = f'(g(x)) * g'(x)",
                "\\frac{d}{dx} f\\bigl(g(x)\\bigr) = f'\\bigl(g(x)\\bigr)\\, g'(x)",
                "The derivative of f of g of x is f-prime evaluated at g of x, times g-prime of x."));
        body.add(new Equation(LEIBNIZ, "dy/dx = dy/du * du/dx", "\\frac{dy}{dx} = \\frac{dy}{du}\\,\\frac{du}{dx}",
                "With u = g(x) and y = f(u): the rate of y in x is the rate of y in u times the rate of u in x."));
        body.add(new Demo(DEMO, "Two linked graphs",
                "The left graph shows u = g(x), the right y = f(u). Moving x moves u, which moves y; the tangent slopes "
                        + "at the two linked points multiply to the slope of y against x.",
                List.of(new Slider("x", "the input point", -3, 3, 1), new Slider("dx", "the size of the nudge", 0.001, 1, 0.1),
                        new Slider("a", "the inner function's coefficient in g(x) = a x^2", -3, 3, 1))));
        body.add(new Demo(DEMO_TWO_LAYER, "A computation graph with two layers and two paths",
                "u = sin(a x) and v = x^2 both feed w = u v, and y = tanh(b w). Each edge carries its local derivative; "
                        + "dy/dx multiplies them along each path from x to y and adds the two paths, as backpropagation does.",
                List.of(new Slider("x", "the input point", -2, 2, 1.5), new Slider("a", "the coefficient in u = sin(a x)", -3, 3, 2),
                        new Slider("b", "the coefficient in y = tanh(b w)", 0.1, 2, 0.5))));
        body.add(new CodeWitness(WITNESS, "python", """
                import torch
                x = torch.tensor(1.5, requires_grad=True)
                y = torch.sin(x ** 2)
                y.backward()
                print(x.grad)                           # tensor(-1.8845)
                print(2 * 1.5 * torch.cos(torch.tensor(1.5 ** 2)))  # the chain rule: tensor(-1.8845)
                """, "sin(x^2)", WITNESS_POINT, WITNESS_VALUE, "-1.8845",
                "claim:chain-rule/autograd-is-the-chain-rule"));
        body.add(new Claim("claim:chain-rule/rates-multiply",
                "The derivative of a composition is the product of the derivatives of its layers, each read at its own input.",
                List.of(EQUATION, LEIBNIZ, DEMO)));
        body.add(new Claim("claim:chain-rule/outer-at-inner",
                "The outer derivative is evaluated at the inner function, never at x: (sin(x^2))' is 2x cos(x^2), not 2x cos(x).",
                List.of(EQUATION, MisconceptionRepair.keyOf(Misconception.OUTER_AT_X))));
        body.add(new Claim("claim:chain-rule/autograd-is-the-chain-rule",
                "Automatic differentiation (backpropagation) applies the chain rule mechanically: multiply local derivatives "
                        + "along each path of the computation graph and add over paths.",
                List.of(WITNESS, DEMO_TWO_LAYER)));
        body.addAll(misconceptions());
        body.addAll(workedExamples());
        body.add(new PracticeLoop(PRACTICE,
                "Before you differentiate, predict: which function is outer, which inner, and the sign of the derivative at x = 1.",
                List.of("Reveal 1: the decomposition, outer f(u) and inner u = g(x).",
                        "Reveal 2: the outer derivative read at the inner function, f'(g(x)).",
                        "Reveal 3: the inner factor g'(x) and the simplified derivative."),
                List.of(new RubricLevel("complete", 3, "Correct derivative, simplified, with the layers named."),
                        new RubricLevel("structure", 2, "Outer derivative at the inner function times the inner derivative, with one slip in an elementary derivative."),
                        new RubricLevel("partial", 1, "One layer right: the outer derivative read at x, or the inner factor left out."),
                        new RubricLevel("not-yet", 0, "Treated as a product or a sum, or no derivative."))));
        body.add(new ResearchPrompt(RESEARCH, "Where does the chain rule hide in what you already use: a unit conversion, "
                + "a related-rates problem, a neural network's backward pass? Attach a note to the equation, an example "
                + "or a misconception on this page and say what it made clear, or what it still leaves unclear."));
        List<ConceptPart> all = new ArrayList<>();
        all.add(new Concept(CONCEPT, "The chain rule",
                "Differentiate a composition: the outer derivative read at the inner function, times the inner derivative.",
                body.stream().map(ConceptPart::key).toList(),
                List.of(Skill.DECOMPOSE, Skill.OUTER_DERIVATIVE, Skill.EVALUATE_AT_INNER, Skill.INNER_FACTOR,
                        Skill.MULTI_LAYER, Skill.CHAIN_VS_PRODUCT, Skill.GRAPH_PATHS, Skill.JACOBIAN)));
        all.addAll(body);
        return new ChainRulePage(all);
    }

    /** Every part, the concept first, then in reading order. */
    public List<ConceptPart> parts() {
        return List.copyOf(parts.values());
    }

    public Optional<ConceptPart> byKey(String key) {
        return Optional.ofNullable(parts.get(key));
    }

    /** The parts of one kind, in reading order. */
    public <T extends ConceptPart> List<T> partsOf(Class<T> kind) {
        return parts.values().stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    private static List<MisconceptionRepair> misconceptions() {
        return List.of(
                repair(Misconception.OUTER_AT_X, "2x cos(x)", "f' is read at the same x as everything else.",
                        "Write u = x^2 first; the outer derivative is cos(u), so it is read at u = x^2: cos(x^2)."),
                repair(Misconception.MISSING_INNER, "cos(x^2)", "The outer derivative looks like the whole answer.",
                        "After the outer layer, ask what is inside and multiply by its derivative: here 2x."),
                repair(Misconception.COMPOSED_DERIVATIVES, "cos(2x)", "The derivatives are composed the way the functions are.",
                        "Functions are composed; derivatives are multiplied: cos(x^2) times 2x, not cos of 2x."),
                repair(Misconception.PRODUCT_RULE, "cos(x)*x^2 + sin(x)*2x", "sin(x^2) is read as sin(x) times x^2.",
                        "Ask whether one function is applied to the other (a composition) or they are multiplied (a product)."),
                repair(Misconception.ADDED_NOT_MULTIPLIED, "cos(x^2) + 2x", "The two rates are added like two effects.",
                        "A nudge is scaled by each layer in turn: scale factors multiply."),
                repair(Misconception.REVERSED_NESTING, "2 sin(x) cos(x)", "The inner and outer functions are swapped.",
                        "Evaluate the function at a number: what is done to x first is the inner function."),
                repair(Misconception.WRONG_OUTER_DERIVATIVE, "-cos(x^2)*2x", "An elementary derivative is misremembered.",
                        "Check the outer derivative on its own first: (sin u)' = cos u, (cos u)' = -sin u, (e^u)' = e^u."),
                repair(Misconception.OTHER, "(anything else)", "The answer fits none of the patterns above.",
                        "Go back to the four steps: outer and inner, outer derivative at the inner, times the inner derivative, simplify."));
    }

    private static MisconceptionRepair repair(Misconception code, String wrong, String why, String repair) {
        return new MisconceptionRepair(MisconceptionRepair.keyOf(code), code, wrong, why, repair);
    }

    /** The five worked examples, each solved by the same engine and writer that solve the items. */
    private static List<WorkedExample> workedExamples() {
        Var u = new Var("u");
        Var x = new Var("x");
        return List.of(
                example("example:chain-rule/linear-inside-a-square", power(u, num(2)), sum(product(num(3), x), num(1))),
                example("example:chain-rule/sine-of-a-square", apply(Fn.SIN, u), power(x, num(2))),
                example("example:chain-rule/cube-of-a-sine", power(u, num(3)), apply(Fn.SIN, x)),
                example("example:chain-rule/sine-of-a-cosine", apply(Fn.SIN, u), apply(Fn.COS, x)),
                example("example:chain-rule/exponential-of-a-multiple", apply(Fn.EXP, u), product(num(2), x)));
    }

    private static WorkedExample example(String key, Expr outer, Expr inner) {
        Chain chain = Chain.of(outer, inner, "x").orElseThrow();
        return new WorkedExample(key, Formula.of(chain.function()), chain.itemLayers(), ChainItems.solution(chain),
                Formula.of(chain.derivative()));
    }
}
