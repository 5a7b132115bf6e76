package org.chainwise.api.store;

import static org.chainwise.migrations.jooq.Tables.PRACTICE_SET;
import static org.chainwise.migrations.jooq.Tables.PRACTICE_SET_FAMILY;
import static org.chainwise.migrations.jooq.Tables.PRACTICE_SET_SKILL;

import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.chainwise.engine.mastery.Skill;
import org.chainwise.migrations.jooq.tables.records.PracticeSetRecord;
import org.jooq.DSLContext;
import org.jooq.Record2;

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
        return tx.selectFrom(PRACTICE_SET)
                .where(PRACTICE_SET.COURSE_ID.eq(courseId), PRACTICE_SET.ID.eq(setId))
                .fetchOptional()
                .map(row -> read(tx, List.of(row)).getFirst());
    }

    /** The set placed at an LTI resource link of the course. */
    public Optional<StoredPracticeSet> findByResourceLink(DSLContext tx, long courseId, String resourceLinkId) {
        return tx.selectFrom(PRACTICE_SET)
                .where(PRACTICE_SET.COURSE_ID.eq(courseId), PRACTICE_SET.RESOURCE_LINK_ID.eq(resourceLinkId))
                .fetchOptional()
                .map(row -> read(tx, List.of(row)).getFirst());
    }

    /** Every set of the course, oldest first. */
    public List<StoredPracticeSet> inCourse(DSLContext tx, long courseId) {
        return read(tx, tx.selectFrom(PRACTICE_SET)
                .where(PRACTICE_SET.COURSE_ID.eq(courseId))
                .orderBy(PRACTICE_SET.ID)
                .fetch());
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

    /** The rows with their skills and families, read in two queries whatever the number of sets. */
    private static List<StoredPracticeSet> read(DSLContext tx, List<PracticeSetRecord> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> ids = rows.stream().map(PracticeSetRecord::getId).toList();
        Map<Long, List<Skill>> skills = grouped(tx.select(PRACTICE_SET_SKILL.PRACTICE_SET_ID, PRACTICE_SET_SKILL.SKILL)
                .from(PRACTICE_SET_SKILL).where(PRACTICE_SET_SKILL.PRACTICE_SET_ID.in(ids))
                .orderBy(PRACTICE_SET_SKILL.SKILL).fetch(), Skill::valueOf);
        Map<Long, List<String>> families = grouped(tx.select(PRACTICE_SET_FAMILY.PRACTICE_SET_ID, PRACTICE_SET_FAMILY.FAMILY)
                .from(PRACTICE_SET_FAMILY).where(PRACTICE_SET_FAMILY.PRACTICE_SET_ID.in(ids))
                .orderBy(PRACTICE_SET_FAMILY.FAMILY).fetch(), family -> family);
        List<StoredPracticeSet> sets = new ArrayList<>();
        for (PracticeSetRecord row : rows) {
            CompletionRule completion = "mastery".equals(row.getCompletionRule())
                    ? new CompletionRule.Mastery(row.getMasteryThreshold().doubleValue())
                    : new CompletionRule.ItemCount(row.getRequiredItems());
            List<Skill> setSkills = skills.getOrDefault(row.getId(), List.of());
            sets.add(new StoredPracticeSet(row.getId(), row.getCourseId(), row.getResourceLinkId(),
                    new PracticeSetDefinition(row.getDefinitionKey(), row.getTitle(), setSkills,
                            families.getOrDefault(row.getId(), List.of()), completion)));
        }
        return sets;
    }

    private static <T> Map<Long, List<T>> grouped(List<Record2<Long, String>> rows, java.util.function.Function<String, T> value) {
        Map<Long, List<T>> grouped = new LinkedHashMap<>();
        for (Record2<Long, String> row : rows) {
            grouped.computeIfAbsent(row.value1(), id -> new ArrayList<>()).add(value.apply(row.value2()));
        }
        return grouped;
    }
}
