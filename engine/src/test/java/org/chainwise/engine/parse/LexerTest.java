package org.chainwise.engine.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LexerTest {

    /** Input, then each token as kind:text@start-end (0-based, end exclusive). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "2x cos(x²)   | Number:2@0-1 Variable:x@1-2 Function:cos@3-6 Symbol:(@6-7 Variable:x@7-8 Symbol:²@8-9 Number:²@8-9 Symbol:)@9-10",
        "xsinx        | Variable:x@0-1 Function:sin@1-4 Variable:x@4-5",
        "2xe^x        | Number:2@0-1 Variable:x@1-2 Constant:e@2-3 Symbol:^@3-4 Variable:x@4-5",
        "x**2         | Variable:x@0-1 Symbol:**@1-3 Number:2@3-4",
        "x⁻¹          | Variable:x@0-1 Symbol:⁻¹@1-3 Symbol:⁻@1-2 Number:¹@2-3",
        "0.25·π       | Number:0.25@0-4 Symbol:·@4-5 Constant:π@5-6",
        "\\left(x\\right)\\cdot 2 | Symbol:\\left(@0-6 Variable:x@6-7 Symbol:\\right)@7-14 Symbol:\\cdot@14-19 Number:2@20-21",
        "\\frac{1}{x} | Symbol:\\frac@0-5 Symbol:{@5-6 Number:1@6-7 Symbol:}@7-8 Symbol:{@8-9 Variable:x@9-10 Symbol:}@10-11",
        "√2 − x       | Function:√@0-1 Number:2@1-2 Symbol:−@3-4 Variable:x@5-6",
    })
    void everyTokenCarriesTheSpanItCameFrom(String input, String expected) {
        List<Token> tokens = Lexer.tokenize(input, List.of("x"));
        assertThat(tokens.getLast()).isEqualTo(new Token.Symbol(Token.Kind.END, new Span(input.length(), input.length())));
        String actual = tokens.subList(0, tokens.size() - 1).stream()
                .map(t -> t.getClass().getSimpleName() + ":" + input.substring(t.span().start(), t.span().end())
                        + "@" + t.span().start() + "-" + t.span().end())
                .collect(Collectors.joining(" "));
        assertThat(actual).isEqualTo(expected);
    }
}
