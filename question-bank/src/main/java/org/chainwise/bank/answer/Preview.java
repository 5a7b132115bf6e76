package org.chainwise.bank.answer;

import org.chainwise.engine.check.InputError;
import org.chainwise.engine.check.Interpretation;

/** What a part of an answer would be read as, before it is submitted: the interpretation, or why it cannot be read. */
public sealed interface Preview {

    record Read(Interpretation interpretedAs) implements Preview {
    }

    record Unreadable(InputError error) implements Preview {
    }
}
