package org.chainwise.bank.concept;

import java.util.List;
import java.util.Objects;
import org.chainwise.bank.item.Formula;
import org.chainwise.bank.item.Layer;
import org.chainwise.bank.item.SolutionStep;

/** A worked example of the page: the function, its layers, the four steps and the derivative, all computed by the engine. */
public record WorkedExample(String key, Formula function, List<Layer> layers, List<SolutionStep> steps, Formula derivative)
        implements ConceptPart {

    public WorkedExample {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(derivative, "derivative");
        layers = List.copyOf(layers);
        steps = List.copyOf(steps);
    }
}
