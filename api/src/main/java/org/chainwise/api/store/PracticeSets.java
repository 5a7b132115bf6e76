package org.chainwise.api.store;

import static org.chainwise.migrations.jooq.Tables.PRACTICE_SET;
import static org.chainwise.migrations.jooq.Tables.PRACTICE_SET_FAMILY;
import static org.chainwise.migrations.jooq.Tables.PRACTICE_SET_SKILL;

import static org.jooq.impl.DSL.array;
import static org.jooq.impl.DSL.select;

import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.chainwise.engine.mastery.Skill;
import org.chainwise.migrations.jooq.tables.records.PracticeSetRecord;
import org.jooq.DSLContext;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.impl.DSL;

/**
 * The practice sets of courses ({@code practice_set} with its skills and families). Every lookup
 * is within one course, so a set id from another course is simply not found.
 */
@Singleton
public class PracticeSets {

    /**
     * Places a new set in the course. {@code resourceLinkId} is the LTI resource link the set
     * belongs to; null for a set made outside an LMS, which then gets a link id of its own.
     */
    public StoredPracticeSet create(DSLContext tx, long courseId, String resourceLinkId, PracticeSetDefinition definition) {
        String link = resourceLinkId != null ? resourceLinkId : "local-" + UUID.randomUUID();
        PracticeSetRecord row = tx.newRecord(PRACTICE_SET);
        row.setCourseId(courseId);
        row.setResourceLinkId(link);
        row.setDefinitionKey(definition.definitionKey());
        fill(row, definition);
        row.store();
        writeLists(tx, row.getId(), definition);
        return new StoredPracticeSet(row.getId(), courseId, link, definition);
    }

    /** Replaces the definition of a set of the course; empty when the course has no such set. */
    public Optional<StoredPracticeSet> update(DSLContext tx, long courseId, long setId, PracticeSetDefinition definition) {
        PracticeSetRecord row = tx.selectFrom(PRACTICE_SET)
                .where(PRACTICE_SET.COURSE_ID.eq(courseId), PRACTICE_SET.ID.eq(setId))
                .forUpdate()
                .fetchOne();
        if (row == null) {
            return Optional.empty();
        }
        row.setDefinitionKey(definition.definitionKey());
        fill(row, definition);
        row.update();
        tx.deleteFrom(PRACTICE_SET_SKILL).where(PRACTICE_SET_SKILL.PRACTICE_SET_ID.eq(setId)).execute();
        tx.deleteFrom(PRACTICE_SET_FAMILY).where(PRACTICE_SET_FAMILY.PRACTICE_SET_ID.eq(setId)).execute();
        writeLists(tx, setId, definition);
        return Optional.of(new StoredPracticeSet(setId, courseId, row.getResourceLinkId(), definition));
    }

    /** The set {@code setId} if it belongs to the course. */
    public Optional<StoredPracticeSet> find(DSLContext tx, long courseId, long setId) {
        return FIND_ALONE.run(tx, results -> read(results, List.of(courseId), List.of(setId)).getFirst(),
                findBinds(List.of(courseId), List.of(setId)));
    }

    /** The set placed at an LTI resource link of the course. */
    public Optional<StoredPracticeSet> findByResourceLink(DSLContext tx, long courseId, String resourceLinkId) {
        return matching(tx, PRACTICE_SET.COURSE_ID.eq(courseId).and(PRACTICE_SET.RESOURCE_LINK_ID.eq(resourceLinkId)))
                .stream().findFirst();
    }

    /** Every set of the course, oldest first. */
    public List<StoredPracticeSet> inCourse(DSLContext tx, long courseId) {
        return matching(tx, PRACTICE_SET.COURSE_ID.eq(courseId));
    }

    /** The sets matching {@code condition} with their skills and families, in one query (every practice request reads its set). */
    private static List<StoredPracticeSet> matching(DSLContext tx, Condition condition) {
        return tx.fetch(query(condition)).map(PracticeSets::read);
    }

    /** The sets of a batch's requests, each only if it is in the course named with it; binds {@link #findBinds}. */
    static final Rendered FIND_ALL = Rendered.of(query(DSL.row(PRACTICE_SET.COURSE_ID, PRACTICE_SET.ID)
            .in(DSL.select(Rendered.key("k", "course_id"), Rendered.key("k", "id"))
                    .from(Rendered.positioned("k", new Field<?>[] {DSL.val(new Long[0]), DSL.val(new Long[0])}, "course_id", "id")))));

    private static final Pipeline FIND_ALONE = Pipeline.of(FIND_ALL);

    static List<Object> findBinds(List<Long> courses, List<Long> sets) {
        return List.of(Pipeline.SqlArray.int8(courses), Pipeline.SqlArray.int8(sets));
    }

    /** The next result of a pipeline, a {@link #FIND_ALL}: each request's set, if it is in the request's course. */
    static List<Optional<StoredPracticeSet>> read(Pipeline.Results results, List<Long> courses, List<Long> sets) throws SQLException {
        Map<List<Long>, StoredPracticeSet> found = new HashMap<>();
        results.rows(PracticeSets::read).forEach(set -> found.put(List.of(set.courseId(), set.id()), set));
        List<Optional<StoredPracticeSet>> bySet = new ArrayList<>(courses.size());
        for (int i = 0; i < courses.size(); i++) {
            bySet.add(Optional.ofNullable(found.get(List.of(courses.get(i), sets.get(i)))));
        }
        return bySet;
    }

    private static ResultQuery<? extends Record> query(Condition condition) {
        Field<String[]> skills = array(select(PRACTICE_SET_SKILL.SKILL).from(PRACTICE_SET_SKILL)
                .where(PRACTICE_SET_SKILL.PRACTICE_SET_ID.eq(PRACTICE_SET.ID)));
        Field<String[]> families = array(select(PRACTICE_SET_FAMILY.FAMILY).from(PRACTICE_SET_FAMILY)
                .where(PRACTICE_SET_FAMILY.PRACTICE_SET_ID.eq(PRACTICE_SET.ID)));
        return select(PRACTICE_SET.ID, PRACTICE_SET.COURSE_ID, PRACTICE_SET.RESOURCE_LINK_ID, PRACTICE_SET.DEFINITION_KEY,
                        PRACTICE_SET.TITLE, PRACTICE_SET.COMPLETION_RULE, PRACTICE_SET.MASTERY_THRESHOLD,
                        PRACTICE_SET.REQUIRED_ITEMS, skills, families)
                .from(PRACTICE_SET)
                .where(condition)
                .orderBy(PRACTICE_SET.ID);
    }

    private static StoredPracticeSet read(Record row) {
        return set(row.get(0, Long.class), row.get(1, Long.class), row.get(2, String.class), row.get(3, String.class),
                row.get(4, String.class), row.get(5, String.class), row.get(6, Double.class), row.get(7, Integer.class),
                row.get(8, String[].class), row.get(9, String[].class));
    }

    /** A row of {@link #FIND_ALL}, as JDBC gives it. */
    static StoredPracticeSet read(ResultSet row) throws SQLException {
        BigDecimal threshold = row.getBigDecimal(7);
        return set(row.getLong(1), row.getLong(2), row.getString(3), row.getString(4), row.getString(5), row.getString(6),
                threshold == null ? null : threshold.doubleValue(), row.getObject(8, Integer.class),
                (String[]) row.getArray(9).getArray(), (String[]) row.getArray(10).getArray());
    }

    private static StoredPracticeSet set(long id, long courseId, String resourceLink, String key, String title, String rule,
            Double threshold, Integer items, String[] skills, String[] families) {
        CompletionRule completion = "mastery".equals(rule) ? new CompletionRule.Mastery(threshold) : new CompletionRule.ItemCount(items);
        List<Skill> setSkills = Arrays.stream(skills).map(Skill::valueOf).toList();
        return new StoredPracticeSet(id, courseId, resourceLink, new PracticeSetDefinition(key, title, setSkills, List.of(families),
                completion));
    }

    private static void fill(PracticeSetRecord row, PracticeSetDefinition definition) {
        row.setTitle(definition.title());
        row.setCompletionRule(definition.completion().wireName());
        switch (definition.completion()) {
            case CompletionRule.Mastery mastery -> {
                row.setMasteryThreshold(BigDecimal.valueOf(mastery.threshold()));
                row.setRequiredItems(null);
            }
            case CompletionRule.ItemCount count -> {
                row.setMasteryThreshold(null);
                row.setRequiredItems(count.items());
            }
        }
    }

    private static void writeLists(DSLContext tx, long setId, PracticeSetDefinition definition) {
        var skills = tx.insertInto(PRACTICE_SET_SKILL, PRACTICE_SET_SKILL.PRACTICE_SET_ID, PRACTICE_SET_SKILL.SKILL);
        for (Skill skill : definition.skills()) {
            skills = skills.values(setId, skill.name());
        }
        skills.onConflictDoNothing().execute();
        if (!definition.families().isEmpty()) {
            var families = tx.insertInto(PRACTICE_SET_FAMILY, PRACTICE_SET_FAMILY.PRACTICE_SET_ID, PRACTICE_SET_FAMILY.FAMILY);
            for (String family : definition.families()) {
                families = families.values(setId, family);
            }
            families.onConflictDoNothing().execute();
        }
    }
}
