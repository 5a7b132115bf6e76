package org.chainwise.bank.verify;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What a good teacher never writes, as patterns over printed plain text: a coefficient or exponent
 * of 1, a factor or term of 0, doubled signs, and numbers too large for a hand calculation.
 */
public final class Defects {

    private record Rule(String name, Pattern pattern) {
    }

    private static final List<Rule> RULES = List.of(
            new Rule("coefficient 1", Pattern.compile("(?<![\\d./])1\\*")),
            new Rule("factor 1", Pattern.compile("\\*1(?![\\d./])")),
            new Rule("exponent 1", Pattern.compile("\\^1(?![\\d./])|\\^\\(1\\)")),
            new Rule("exponent 0", Pattern.compile("\\^0(?![\\d./])|\\^\\(0\\)")),
            new Rule("factor 0", Pattern.compile("(?<![\\d./])0\\*|\\*0(?![\\d./])|\\(0[*x]")),
            new Rule("term 0", Pattern.compile("[+-] 0(?![\\d./])")),
            new Rule("divided by 1", Pattern.compile("/1(?![\\d./])")),
            new Rule("doubled sign", Pattern.compile("\\+ -|- -|--|\\+-|-\\+|\\+ \\+")),
            new Rule("square of a square root", Pattern.compile("sqrt\\((?:[^()]|\\([^()]*\\))*\\)\\^2")),
            new Rule("large number", Pattern.compile("\\d{5,}")));

    private Defects() {
    }

    /** The names of the defects in {@code printed}; empty when a teacher could have written it. */
    public static List<String> in(String printed) {
        return RULES.stream().filter(r -> r.pattern().matcher(printed).find()).map(Rule::name).toList();
    }
}
