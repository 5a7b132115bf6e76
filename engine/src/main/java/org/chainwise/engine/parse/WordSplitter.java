package org.chainwise.engine.parse;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.chainwise.engine.expr.Const;

/**
 * Splits a run of letters into names, as students write {@code xsinx} or {@code 2xe^x}: each piece is
 * a declared variable, a function spelling or {@code pi}, longest first. Euler's {@code e} stands
 * alone or ends a run that an exponent follows ({@code xe^x}); it is never split out elsewhere, so
 * that {@code sine} is an unknown function rather than sin(e).
 */
final class WordSplitter {

    private final String word;
    private final int offset;
    private final List<String> variables;
    private final boolean followedByPower;
    private final Set<Integer> deadEnds = new HashSet<>();

    /** {@code variables} longest first; {@code offset} is where the word starts in the text. */
    WordSplitter(String word, int offset, List<String> variables, boolean followedByPower) {
        this.word = word;
        this.offset = offset;
        this.variables = variables;
        this.followedByPower = followedByPower;
    }

    /** The tokens the word is made of, or empty when it cannot be read as names. */
    Optional<List<Token>> split() {
        Optional<String> variable = GreekLetters.declared(word, variables);
        if (variable.isPresent()) {
            return Optional.of(List.of(new Token.Variable(variable.get(), span(0, word.length()))));
        }
        if (word.equals(Vocabulary.E)) {
            return Optional.of(List.of(new Token.Constant(Const.E, span(0, 1))));
        }
        List<Token> pieces = new ArrayList<>();
        return splitFrom(0, pieces) ? Optional.of(pieces) : Optional.empty();
    }

    private boolean splitFrom(int start, List<Token> pieces) {
        if (start == word.length()) {
            return true;
        }
        if (deadEnds.contains(start)) {
            return false;
        }
        for (Token piece : candidatesAt(start)) {
            pieces.add(piece);
            if (splitFrom(piece.span().end() - offset, pieces)) {
                return true;
            }
            pieces.removeLast();
        }
        deadEnds.add(start);
        return false;
    }

    private List<Token> candidatesAt(int start) {
        List<Token> candidates = new ArrayList<>();
        for (String spelling : Vocabulary.FUNCTION_SPELLINGS) {
            if (word.regionMatches(true, start, spelling, 0, spelling.length())) {
                candidates.add(new Token.Function(Vocabulary.function(spelling).orElseThrow(), false,
                        span(start, start + spelling.length())));
            }
        }
        if (word.regionMatches(true, start, Vocabulary.PI, 0, Vocabulary.PI.length())) {
            candidates.add(new Token.Constant(Const.PI, span(start, start + Vocabulary.PI.length())));
        }
        for (String variable : variables) {
            if (word.startsWith(variable, start)) {
                candidates.add(new Token.Variable(variable, span(start, start + variable.length())));
            }
        }
        GreekLetters.declared(word.substring(start, start + 1), variables)
                .filter(name -> !word.startsWith(name, start))
                .ifPresent(name -> candidates.add(new Token.Variable(name, span(start, start + 1))));
        if (followedByPower && start == word.length() - 1 && word.endsWith(Vocabulary.E)) {
            candidates.add(new Token.Constant(Const.E, span(start, start + 1)));
        }
        return candidates;
    }

    private Span span(int start, int end) {
        return new Span(offset + start, offset + end);
    }
}
