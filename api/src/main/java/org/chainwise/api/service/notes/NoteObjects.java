package org.chainwise.api.service.notes;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chainwise.api.service.PracticeEngine;
import org.chainwise.api.service.notes.NoteObject.DemoSetting;
import org.chainwise.api.store.ServedWork;
import org.chainwise.bank.ItemBank;
import org.chainwise.bank.concept.ChainRulePage;
import org.chainwise.bank.concept.ConceptPart;
import org.chainwise.bank.concept.Demo;
import org.chainwise.bank.item.Item;
import org.chainwise.bank.item.Parameters;
import org.jooq.DSLContext;

/**
 * Resolves an {@link ObjectKey} to the object it names, or refuses it with a 400 saying why: a page key
 * must be a part of the chain-rule page (a demo key may add slider settings, {@code ?x=1.5&dx=0.1}, each
 * a slider of that demo inside its range), a numbered item or attempt must be one of the course's (and,
 * for a learner, one of their own), a bank item id must draw an item.
 */
@Singleton
public class NoteObjects {

    /** A question-bank item id: family, parameters key, seed. */
    private static final Pattern BANK_ITEM = Pattern.compile("([a-z][a-z0-9_.-]*)/d(\\d)-c(\\d)-k(\\d)/(\\d{1,18})");
    private static final Pattern NUMBER = Pattern.compile("[1-9]\\d{0,17}");
    private static final Pattern SETTING = Pattern.compile("([A-Za-z][A-Za-z0-9_]*)=(-?\\d{1,6}(?:\\.\\d{1,6})?)");

    // The page is cheap to make; the engine (bank, pool, Symja) is waited for only when an item is named.
    private final ChainRulePage page = ChainRulePage.standard();
    private final PracticeEngine engine;
    private final ServedWork served;

    NoteObjects(PracticeEngine engine, ServedWork served) {
        this.engine = engine;
        this.served = served;
    }

    /** Who may point at a course's served work: everyone in the course, or only its owner. */
    public record Reader(long courseId, Optional<Long> owner) {

        public static Reader anyoneIn(long courseId) {
            return new Reader(courseId, Optional.empty());
        }

        public static Reader owner(long courseId, long userId) {
            return new Reader(courseId, Optional.of(userId));
        }

        boolean mayRead(long userId) {
            return owner.map(o -> o == userId).orElse(true);
        }
    }

    /** The object {@code key} names, as {@code reader} may see it; a 400 naming {@code field} when there is none. */
    public NoteObject resolve(DSLContext tx, Reader reader, ObjectKey key, String field) {
        return find(tx, reader, key, field).orElseThrow(() -> ObjectKey.invalid(field, switch (key.kind()) {
            case ITEM -> "There is no item " + key.name() + " of yours in this course.";
            case ATTEMPT -> "There is no attempt " + key.name() + " of yours in this course.";
            default -> "There is no " + key.text() + " on the chain-rule page.";
        }));
    }

    /** The object {@code key} names, when it (still) exists for {@code reader}; a malformed name is a 400 naming {@code field}. */
    public Optional<NoteObject> find(DSLContext tx, Reader reader, ObjectKey key, String field) {
        return switch (key.kind()) {
            case SOURCE -> Optional.of(new NoteObject.Source(key, key.name()));
            case ITEM -> NUMBER.matcher(key.name()).matches()
                    ? servedItem(tx, reader, key, Long.parseLong(key.name())).map(NoteObject.class::cast)
                    : Optional.of(bankItem(key, field));
            case ATTEMPT -> attempt(tx, reader, key, field);
            case DEMO -> demo(key, field);
            case CONCEPT, INTUITION, EQUATION, EXAMPLE, WITNESS, CLAIM, MISCONCEPTION ->
                    page.byKey(key.text()).map(part -> new NoteObject.PagePart(key, part, List.of()));
        };
    }

    private Optional<NoteObject> demo(ObjectKey key, String field) {
        int query = key.text().indexOf('?');
        String demoKey = query < 0 ? key.text() : key.text().substring(0, query);
        Optional<ConceptPart> part = page.byKey(demoKey).filter(Demo.class::isInstance);
        if (part.isEmpty()) {
            return Optional.empty();
        }
        Demo demo = (Demo) part.get();
        List<DemoSetting> state = new ArrayList<>();
        if (query >= 0) {
            for (String setting : key.text().substring(query + 1).split("&", -1)) {
                state.add(setting(demo, setting, field, state));
            }
        }
        return Optional.of(new NoteObject.PagePart(key, demo, state));
    }

    private static DemoSetting setting(Demo demo, String text, String field, List<DemoSetting> earlier) {
        Matcher m = SETTING.matcher(text);
        List<String> names = demo.sliders().stream().map(Demo.Slider::name).toList();
        if (!m.matches()) {
            throw ObjectKey.invalid(field, "A demo state is slider=number pairs joined by &, such as "
                    + demo.key() + "?x=1.5&dx=0.1; '" + ObjectKey.shortened(text) + "' is not one.");
        }
        Demo.Slider slider = demo.sliders().stream().filter(s -> s.name().equals(m.group(1))).findFirst()
                .orElseThrow(() -> ObjectKey.invalid(field, demo.key() + " has no slider '" + m.group(1)
                        + "'; its sliders are " + String.join(", ", names) + "."));
        double value = Double.parseDouble(m.group(2));
        if (value < slider.min() || value > slider.max()) {
            throw ObjectKey.invalid(field, "The slider " + slider.name() + " of " + demo.key() + " goes from "
                    + slider.min() + " to " + slider.max() + ", not " + m.group(2) + ".");
        }
        if (earlier.stream().anyMatch(s -> s.slider().equals(slider.name()))) {
            throw ObjectKey.invalid(field, "The demo state sets " + slider.name() + " twice.");
        }
        return new DemoSetting(slider.name(), value);
    }

    private NoteObject bankItem(ObjectKey key, String field) {
        Matcher m = BANK_ITEM.matcher(key.name());
        if (!m.matches()) {
            throw ObjectKey.invalid(field, "An item key is item:<number> for an item you were served, or "
                    + "item:<family>/d<depth>-c<complexity>-k<max constant>/<seed> for a question-bank item, "
                    + "such as item:outer-sin/d2-c2-k5/3; '" + ObjectKey.shortened(key.text()) + "' is neither.");
        }
        ItemBank items = engine.parts().bank();
        if (!items.familyNames().contains(m.group(1))) {
            throw ObjectKey.invalid(field, "The question bank has no family '" + m.group(1) + "'; its families are "
                    + String.join(", ", items.familyNames()) + ".");
        }
        try {
            Parameters parameters = new Parameters(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                    Integer.parseInt(m.group(4)));
            return new NoteObject.BankItem(key, engine.parts().pool().item(m.group(1), parameters, Long.parseLong(m.group(5))));
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw ObjectKey.invalid(field, "The question bank cannot draw " + key.text() + ": " + e.getMessage() + ".");
        }
    }

    private Optional<NoteObject.ServedItem> servedItem(DSLContext tx, Reader reader, ObjectKey key, long id) {
        return served.servedItem(tx, reader.courseId(), id)
                .filter(row -> reader.mayRead(row.userId()))
                .map(row -> new NoteObject.ServedItem(key, row.id(), row.userId(), row.family(), row.variantKey(),
                        redraw(row)));
    }

    private Optional<NoteObject> attempt(DSLContext tx, Reader reader, ObjectKey key, String field) {
        if (!NUMBER.matcher(key.name()).matches()) {
            throw ObjectKey.invalid(field, "An attempt key is attempt:<number>, such as attempt:7.");
        }
        return served.attempt(tx, reader.courseId(), Long.parseLong(key.name()))
                .filter(row -> reader.mayRead(row.userId()))
                .flatMap(row -> servedItem(tx, reader, new ObjectKey(ObjectKey.Kind.ITEM, String.valueOf(row.itemId())),
                                row.itemId())
                        .map(item -> new NoteObject.AnsweredAttempt(key, row.id(), row.userId(), item, row.rawAnswer(),
                                Optional.ofNullable(row.interpretedText()), row.verdict(), row.misconceptions())));
    }

    /** The served item drawn again, as the practice service draws it; empty when its family is no longer the bank's. */
    private Optional<Item> redraw(ServedWork.ServedItemRow row) {
        try {
            return Optional.of(engine.parts().pool().item(row.family(), row.parameters(), row.seed()));
        } catch (IllegalArgumentException | IllegalStateException e) {
            return Optional.empty();
        }
    }
}
