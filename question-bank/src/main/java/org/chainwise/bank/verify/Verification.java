package org.chainwise.bank.verify;

import java.util.List;

/** The outcome of checking an item before it is served: no problems means it may be served. */
public record Verification(List<String> problems) {

    public Verification {
        problems = List.copyOf(problems);
    }

    public boolean passed() {
        return problems.isEmpty();
    }
}
