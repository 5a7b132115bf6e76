package org.chainwise.bank.concept;

import java.util.List;
import java.util.Objects;

/** An interactive demo and the controls whose state a note can capture ("demo state"). */
public record Demo(String key, String title, String description, List<Slider> sliders) implements ConceptPart {

    public Demo {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        sliders = List.copyOf(sliders);
    }

    /** One control of the demo: a named value in [min, max] starting at {@code initial}. */
    public record Slider(String name, String controls, double min, double max, double initial) {

        public Slider {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(controls, "controls");
            if (!(min <= initial && initial <= max)) {
                throw new IllegalArgumentException(name + ": initial " + initial + " outside [" + min + ", " + max + "]");
            }
        }
    }
}
