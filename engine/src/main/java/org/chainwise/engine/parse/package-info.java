/**
 * Reading what a student typed: {@link org.chainwise.engine.parse.AnswerParser#parse} turns text into an
 * {@link org.chainwise.engine.expr.Expr} exactly as written, or into a
 * {@link org.chainwise.engine.parse.ParseError} with a stable code ({@link org.chainwise.engine.parse.Rejection}),
 * a message and a span.
 *
 * <p>Accepted: numbers (decimals are exact, {@code 0.5} is 1/2), the item's variables, {@code pi}/{@code π},
 * {@code e}, the functions of {@link org.chainwise.engine.expr.Fn} in every usual spelling
 * ({@code ln}, {@code log} natural; {@code arcsin}, {@code asin}, {@code sin^-1}; {@code cosec}; any
 * capitalisation), {@code + - * / ^ **}, implicit multiplication, unicode operators and superscripts
 * ({@code − · × ÷ √ ² ⁻¹}), and the LaTeX a math keyboard emits ({@code \frac}, {@code \sqrt},
 * {@code \sqrt[n]}, {@code \cdot}, {@code \times}, {@code \div}, {@code \left( \right)}, {@code ^{}},
 * {@code \sin}, {@code \ln}, {@code \pi}, MathLive's {@code \mleft}, {@code \exponentialE}).
 * A run of letters is split into names when it can be ({@code xsinx}, {@code 2xe^x}); see
 * {@link org.chainwise.engine.parse.WordSplitter}. Precedence and the reading of function arguments
 * are decided in {@link org.chainwise.engine.parse.Parser}; the bounds are in
 * {@link org.chainwise.engine.parse.Limits}.
 */
package org.chainwise.engine.parse;
