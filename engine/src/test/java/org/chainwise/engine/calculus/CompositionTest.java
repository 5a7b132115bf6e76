package org.chainwise.engine.calculus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chainwise.engine.expr.Algebra.apply;
import static org.chainwise.engine.expr.Algebra.difference;
import static org.chainwise.engine.expr.Algebra.num;
import static org.chainwise.engine.expr.Algebra.power;
import static org.chainwise.engine.expr.Algebra.product;
import static org.chainwise.engine.expr.Algebra.sum;

import java.util.List;
import java.util.stream.Stream;
import org.chainwise.engine.calculus.Composition.Layer;
import org.chainwise.engine.expr.Const;
import org.chainwise.engine.expr.Expr;
import org.chainwise.engine.expr.Fn;
import org.chainwise.engine.expr.Var;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CompositionTest {

    private static final Var X = new Var("x");
    private static final Var H = Composition.HOLE;

    record Row(Expr function, List<Layer> layers) {
    }

    private static Row row(Expr function, Layer... layers) {
        return new Row(function, List.of(layers));
    }

    private static Layer layer(Expr function, Expr inner) {
        return new Layer(function, inner);
    }

    private static Expr sin(Expr e) {
        return apply(Fn.SIN, e);
    }

    private static Expr square(Expr e) {
        return power(e, num(2));
    }

    static Stream<Row> decompositions() {
        Expr x2 = square(X);
        Expr linear = sum(product(num(3), X), num(1));
        Expr x2plus1 = sum(x2, num(1));
        Expr xex = product(X, apply(Fn.EXP, X));
        return Stream.of(
                row(sin(x2), layer(sin(H), x2), layer(square(H), X)),
                row(square(linear), layer(square(H), linear), layer(sum(product(num(3), H), num(1)), X)),
                row(power(Const.E, product(num(2), X)), layer(apply(Fn.EXP, H), product(num(2), X)), layer(product(num(2), H), X)),
                row(sin(apply(Fn.COS, X)), layer(sin(H), apply(Fn.COS, X)), layer(apply(Fn.COS, H), X)),
                row(sin(apply(Fn.COS, x2)), layer(sin(H), apply(Fn.COS, x2)), layer(apply(Fn.COS, H), x2), layer(square(H), X)),
                row(apply(Fn.EXP, sin(product(num(3), X))), layer(apply(Fn.EXP, H), sin(product(num(3), X))),
                        layer(sin(H), product(num(3), X)), layer(product(num(3), H), X)),
                row(apply(Fn.LN, apply(Fn.SQRT, x2plus1)), layer(apply(Fn.LN, H), apply(Fn.SQRT, x2plus1)),
                        layer(apply(Fn.SQRT, H), x2plus1), layer(sum(square(H), num(1)), X)),
                row(product(num(3), sin(x2)), layer(product(num(3), sin(H)), x2), layer(square(H), X)),
                row(sum(sin(x2), num(5)), layer(sum(sin(H), num(5)), x2), layer(square(H), X)),
                row(power(num(2), x2), layer(power(num(2), H), x2), layer(square(H), X)),
                row(xex, layer(product(H, apply(Fn.EXP, H)), X)),
                row(sin(xex), layer(sin(H), xex), layer(product(H, apply(Fn.EXP, H)), X)),
                row(power(X, X), layer(power(H, H), X)),
                row(difference(product(num(4), power(X, num(3))), X), layer(difference(product(num(4), power(H, num(3))), H), X)),
                row(sin(X), layer(sin(H), X)),
                row(X),
                row(num(7)),
                row(sin(new Var("y"))));
    }

    @ParameterizedTest
    @MethodSource("decompositions")
    void layersOutermostFirst(Row row) {
        Composition composition = Composition.of(row.function(), "x");
        assertThat(composition.layers()).isEqualTo(row.layers());
    }

    @ParameterizedTest
    @MethodSource("decompositions")
    void layersComposeBackToTheFunction(Row row) {
        Composition composition = Composition.of(row.function(), "x");
        Expr rebuilt = X;
        for (Layer layer : composition.layers().reversed()) {
            assertThat(layer.inner()).isEqualTo(rebuilt);
            rebuilt = layer.applied();
        }
        if (composition.depth() > 0) {
            assertThat(rebuilt).isEqualTo(composition.function());
        }
    }

    @Test
    void deepNestsKeepTheirInnermostPartAsOneLeaf() {
        Expr nest = X;
        for (int i = 0; i < 8; i++) {
            nest = sin(nest);
        }
        Composition composition = Composition.of(nest, "x");
        assertThat(composition.depth()).isEqualTo(Composition.MAX_LAYERS);
        assertThat(composition.layer(Composition.MAX_LAYERS)).isEqualTo(layer(sin(sin(sin(H))), X));
    }

    @Test
    void coreAndScaleOfALayer() {
        Layer layer = Composition.of(sum(product(num(3), sin(X)), num(1)), "x").layer(1);
        assertThat(layer.core()).isEqualTo(sin(H));
        assertThat(layer.coreScale()).isEqualTo(num(3));
    }
}
