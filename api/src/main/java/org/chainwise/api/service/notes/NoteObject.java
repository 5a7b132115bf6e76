package org.chainwise.api.service.notes;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.chainwise.bank.concept.ConceptPart;
import org.chainwise.bank.item.Item;

/** What a note's key names, resolved: the content the hand-off prompt shows a tutor. */
public sealed interface NoteObject {

    ObjectKey key();

    /** A part of the chain-rule page; for a demo, the slider settings the key captured (possibly none). */
    record PagePart(ObjectKey key, ConceptPart part, List<DemoSetting> demoState) implements NoteObject {

        public PagePart {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(part, "part");
            demoState = List.copyOf(demoState);
        }
    }

    /** One slider of a demo at one value. */
    record DemoSetting(String slider, double value) {
    }

    /** An item of the question bank, named by its id (family/parameters/seed). */
    record BankItem(ObjectKey key, Item item) implements NoteObject {

        public BankItem {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(item, "item");
        }
    }

    /**
     * An item served in the course; {@code item} is the item drawn again from its family, parameters and
     * seed, empty when it can no longer be drawn (a family since retired), when the variant key stands in.
     */
    record ServedItem(ObjectKey key, long id, long userId, String family, String variantKey, Optional<Item> item)
            implements NoteObject {

        public ServedItem {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(family, "family");
            Objects.requireNonNull(variantKey, "variantKey");
            Objects.requireNonNull(item, "item");
        }
    }

    /** One answered attempt at a served item: what was typed, how it was read and graded, what was diagnosed. */
    record AnsweredAttempt(ObjectKey key, long id, long userId, ServedItem item, String answer,
            Optional<String> interpretedAs, String verdict, List<String> misconceptions) implements NoteObject {

        public AnsweredAttempt {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(item, "item");
            Objects.requireNonNull(answer, "answer");
            Objects.requireNonNull(interpretedAs, "interpretedAs");
            Objects.requireNonNull(verdict, "verdict");
            misconceptions = List.copyOf(misconceptions);
        }
    }

    /** A source outside the page (a book, a paper, a video), named by the student's own reference. */
    record Source(ObjectKey key, String reference) implements NoteObject {

        public Source {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(reference, "reference");
        }
    }
}
