package org.chainwise.reports.query;

import static org.chainwise.migrations.jooq.Tables.APP_USER;
import static org.chainwise.migrations.jooq.Tables.ITEM_SERVED;
import static org.chainwise.migrations.jooq.Tables.RESEARCH_NOTE;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.inline;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.chainwise.engine.diagnose.Misconception;
import org.chainwise.reports.Note;
import org.jooq.DSLContext;

/**
 * The research-room notes shared in a course, oldest first, sorted to the objects the report shows:
 * {@code misconception:CODE} to that code, {@code item:<id>} (an item served in the course) and
 * {@code item:<family>} to that family, everything else to the report's general notes.
 */
public final class SharedNotes {

    static final String SHARED = "shared";
    private static final Pattern MISCONCEPTION_KEY = Pattern.compile("misconception:([A-Z][A-Z_]*)");
    private static final Pattern ITEM_ID_KEY = Pattern.compile("item:(\\d{1,18})");
    private static final Pattern ITEM_FAMILY_KEY = Pattern.compile("item:([a-z][a-z0-9_.-]*)");

    private final DSLContext dsl;

    public SharedNotes(DSLContext dsl) {
        this.dsl = dsl;
    }

    public ByObject forCourse(long courseId) {
        List<Note> notes = dsl.select(RESEARCH_NOTE.ID, RESEARCH_NOTE.OBJECT_KEY, RESEARCH_NOTE.QUESTION,
                        RESEARCH_NOTE.EVIDENCE, RESEARCH_NOTE.RESOLUTION, RESEARCH_NOTE.NEXT_ACTION, RESEARCH_NOTE.AUTHOR_ID,
                        coalesce(APP_USER.NAME, APP_USER.SUBJECT), RESEARCH_NOTE.CREATED_AT, RESEARCH_NOTE.UPDATED_AT)
                .from(RESEARCH_NOTE)
                .join(APP_USER).on(APP_USER.ID.eq(RESEARCH_NOTE.AUTHOR_ID))
                .where(RESEARCH_NOTE.COURSE_ID.eq(courseId), RESEARCH_NOTE.VISIBILITY.eq(inline(SHARED)))
                .orderBy(RESEARCH_NOTE.CREATED_AT, RESEARCH_NOTE.ID)
                .fetch(row -> new Note(row.value1(), row.value2(), row.value3(), row.value4(), row.value5(), row.value6(),
                        row.value7(), row.value8(), row.value9().toInstant(), row.value10().toInstant()));
        Map<Long, String> itemFamilies = familiesOfItems(courseId, notes);
        Map<Misconception, List<Note>> byCode = new EnumMap<>(Misconception.class);
        Map<String, List<Note>> byFamily = new HashMap<>();
        List<Note> other = new ArrayList<>();
        for (Note note : notes) {
            Matcher code = MISCONCEPTION_KEY.matcher(note.objectKey());
            Matcher itemId = ITEM_ID_KEY.matcher(note.objectKey());
            Matcher family = ITEM_FAMILY_KEY.matcher(note.objectKey());
            if (code.matches() && isCode(code.group(1))) {
                byCode.computeIfAbsent(Misconception.valueOf(code.group(1)), c -> new ArrayList<>()).add(note);
            } else if (itemId.matches() && itemFamilies.containsKey(Long.parseLong(itemId.group(1)))) {
                byFamily.computeIfAbsent(itemFamilies.get(Long.parseLong(itemId.group(1))), f -> new ArrayList<>()).add(note);
            } else if (family.matches()) {
                byFamily.computeIfAbsent(family.group(1), f -> new ArrayList<>()).add(note);
            } else {
                other.add(note);
            }
        }
        return new ByObject(byCode, byFamily, other);
    }

    private Map<Long, String> familiesOfItems(long courseId, List<Note> notes) {
        Set<Long> ids = notes.stream().map(note -> ITEM_ID_KEY.matcher(note.objectKey()))
                .filter(Matcher::matches).map(m -> Long.parseLong(m.group(1))).collect(Collectors.toSet());
        if (ids.isEmpty()) {
            return Map.of();
        }
        return dsl.select(ITEM_SERVED.ID, ITEM_SERVED.FAMILY).from(ITEM_SERVED)
                .where(ITEM_SERVED.COURSE_ID.eq(courseId), ITEM_SERVED.ID.in(ids))
                .fetchMap(ITEM_SERVED.ID, ITEM_SERVED.FAMILY);
    }

    private static boolean isCode(String text) {
        for (Misconception code : Misconception.values()) {
            if (code.name().equals(text)) {
                return true;
            }
        }
        return false;
    }

    /** The notes sorted to misconception codes, item families, and everything else. */
    public record ByObject(Map<Misconception, List<Note>> byCode, Map<String, List<Note>> byFamily, List<Note> other) {

        public List<Note> about(Misconception code) {
            return byCode.getOrDefault(code, List.of());
        }

        public List<Note> about(String family) {
            return byFamily.getOrDefault(family, List.of());
        }
    }
}
