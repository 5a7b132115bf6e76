package org.chainwise.api.store;

import static org.chainwise.migrations.jooq.Tables.LTI_COURSE_SERVICE;
import static org.chainwise.migrations.jooq.Tables.LTI_RESOURCE_LINK;
import static org.chainwise.migrations.jooq.Tables.PRACTICE_SET;
import static org.chainwise.migrations.jooq.Tables.PRACTICE_SET_FAMILY;
import static org.chainwise.migrations.jooq.Tables.PRACTICE_SET_SKILL;
import static org.chainwise.migrations.jooq.Tables.SKILL;

import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.chainwise.api.lti.PracticeSetDefinition;
import org.chainwise.api.lti.PracticeSetDefinition.Completion;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Practice sets as LTI resource links: the set a link opens (made from its definition the first
 * time the link is launched), the line item the platform grades it in, and the course's AGS and
 * NRPS endpoints, as the latest launch named them.
 */
@Singleton
public class ResourceLinkStore {

    /** A resource link's practice set and its line item URL (null when the platform granted no line item). */
    public record ResourceLink(long practiceSetId, long courseId, String resourceLinkId, String lineItemUrl) {
    }

    /** The practice set of the course's resource link, if one was made. */
    public Optional<Long> practiceSet(DSLContext tx, long courseId, String resourceLinkId) {
        return tx.select(PRACTICE_SET.ID).from(PRACTICE_SET)
                .where(PRACTICE_SET.COURSE_ID.eq(courseId), PRACTICE_SET.RESOURCE_LINK_ID.eq(resourceLinkId))
                .fetchOptional(PRACTICE_SET.ID);
    }

    /** A practice set of a course with the definition it was made from. */
    public record PlacedSet(long practiceSetId, PracticeSetDefinition definition) {
    }

    /** The course's practice sets, newest first, each with its definition (what the deep-linking picker offers to place again). */
    public List<PlacedSet> placedSets(DSLContext tx, long courseId) {
        return tx.selectFrom(PRACTICE_SET).where(PRACTICE_SET.COURSE_ID.eq(courseId)).orderBy(PRACTICE_SET.ID.desc())
                .fetch(row -> new PlacedSet(row.getId(), new PracticeSetDefinition(row.getDefinitionKey(), row.getTitle(),
                        tx.select(PRACTICE_SET_SKILL.SKILL).from(PRACTICE_SET_SKILL)
                                .where(PRACTICE_SET_SKILL.PRACTICE_SET_ID.eq(row.getId()))
                                .orderBy(PRACTICE_SET_SKILL.SKILL).fetch(PRACTICE_SET_SKILL.SKILL),
                        tx.select(PRACTICE_SET_FAMILY.FAMILY).from(PRACTICE_SET_FAMILY)
                                .where(PRACTICE_SET_FAMILY.PRACTICE_SET_ID.eq(row.getId()))
                                .orderBy(PRACTICE_SET_FAMILY.FAMILY).fetch(PRACTICE_SET_FAMILY.FAMILY),
                        "item_count".equals(row.getCompletionRule())
                                ? new Completion.ItemCount(row.getRequiredItems())
                                : new Completion.Mastery(row.getMasteryThreshold().doubleValue()))));
    }

    /** The skill codes among {@code skills} that the schema does not know. */
    public List<String> unknownSkills(DSLContext tx, List<String> skills) {
        Set<String> known = Set.copyOf(tx.select(SKILL.CODE).from(SKILL).where(SKILL.CODE.in(skills)).fetch(SKILL.CODE));
        List<String> unknown = new ArrayList<>(skills);
        unknown.removeAll(known);
        return unknown;
    }

    /**
     * The practice set of the resource link: the existing one, or one made now from {@code
     * definition}. Two first launches at once make one set (the loser of the insert reads the winner's).
     */
    public long practiceSetFor(DSLContext tx, long courseId, String resourceLinkId, PracticeSetDefinition definition) {
        Optional<Long> existing = practiceSet(tx, courseId, resourceLinkId);
        if (existing.isPresent()) {
            return existing.get();
        }
        Completion completion = definition.completion();
        Optional<Long> made = tx.insertInto(PRACTICE_SET)
                .set(PRACTICE_SET.COURSE_ID, courseId)
                .set(PRACTICE_SET.RESOURCE_LINK_ID, resourceLinkId)
                .set(PRACTICE_SET.DEFINITION_KEY, definition.definitionKey())
                .set(PRACTICE_SET.TITLE, definition.title())
                .set(PRACTICE_SET.COMPLETION_RULE, switch (completion) {
                    case Completion.Mastery m -> "mastery";
                    case Completion.ItemCount c -> "item_count";
                })
                .set(PRACTICE_SET.MASTERY_THRESHOLD, completion instanceof Completion.Mastery m
                        ? BigDecimal.valueOf(m.threshold()) : null)
                .set(PRACTICE_SET.REQUIRED_ITEMS, completion instanceof Completion.ItemCount c ? c.items() : null)
                .onConflictDoNothing()
                .returning(PRACTICE_SET.ID)
                .fetchOptional(PRACTICE_SET.ID);
        if (made.isEmpty()) {
            return practiceSet(tx, courseId, resourceLinkId).orElseThrow();
        }
        long setId = made.get();
        for (String skill : definition.skills()) {
            tx.insertInto(PRACTICE_SET_SKILL).set(PRACTICE_SET_SKILL.PRACTICE_SET_ID, setId)
                    .set(PRACTICE_SET_SKILL.SKILL, skill).execute();
        }
        for (String family : definition.families()) {
            tx.insertInto(PRACTICE_SET_FAMILY).set(PRACTICE_SET_FAMILY.PRACTICE_SET_ID, setId)
                    .set(PRACTICE_SET_FAMILY.FAMILY, family).execute();
        }
        return setId;
    }

    /** Records the link's title and line item (a later launch naming another line item replaces it). */
    public void saveResourceLink(DSLContext tx, long practiceSetId, long courseId, String resourceLinkId, String title,
            URI lineItem) {
        String lineItemUrl = lineItem == null ? null : lineItem.toString();
        tx.insertInto(LTI_RESOURCE_LINK)
                .set(LTI_RESOURCE_LINK.PRACTICE_SET_ID, practiceSetId)
                .set(LTI_RESOURCE_LINK.COURSE_ID, courseId)
                .set(LTI_RESOURCE_LINK.RESOURCE_LINK_ID, resourceLinkId)
                .set(LTI_RESOURCE_LINK.TITLE, title)
                .set(LTI_RESOURCE_LINK.LINE_ITEM_URL, lineItemUrl)
                .onConflict(LTI_RESOURCE_LINK.PRACTICE_SET_ID).doUpdate()
                .set(LTI_RESOURCE_LINK.TITLE, DSL.coalesce(DSL.excluded(LTI_RESOURCE_LINK.TITLE), LTI_RESOURCE_LINK.TITLE))
                .set(LTI_RESOURCE_LINK.LINE_ITEM_URL,
                        DSL.coalesce(DSL.excluded(LTI_RESOURCE_LINK.LINE_ITEM_URL), LTI_RESOURCE_LINK.LINE_ITEM_URL))
                .set(LTI_RESOURCE_LINK.UPDATED_AT, DSL.currentOffsetDateTime())
                .execute();
    }

    /** The resource link of a practice set, with its line item: what grade passback needs. */
    public Optional<ResourceLink> resourceLink(DSLContext tx, long practiceSetId) {
        return tx.selectFrom(LTI_RESOURCE_LINK).where(LTI_RESOURCE_LINK.PRACTICE_SET_ID.eq(practiceSetId))
                .fetchOptional()
                .map(r -> new ResourceLink(r.getPracticeSetId(), r.getCourseId(), r.getResourceLinkId(), r.getLineItemUrl()));
    }

    /** Records the course's AGS line items URL and scopes, and its NRPS memberships URL (each kept when a launch omits it). */
    public void saveCourseServices(DSLContext tx, long courseId, URI lineItems, List<String> agsScopes, URI memberships,
            List<String> nrpsVersions) {
        tx.insertInto(LTI_COURSE_SERVICE)
                .set(LTI_COURSE_SERVICE.COURSE_ID, courseId)
                .set(LTI_COURSE_SERVICE.LINE_ITEMS_URL, lineItems == null ? null : lineItems.toString())
                .set(LTI_COURSE_SERVICE.AGS_SCOPES, agsScopes.toArray(String[]::new))
                .set(LTI_COURSE_SERVICE.MEMBERSHIPS_URL, memberships == null ? null : memberships.toString())
                .set(LTI_COURSE_SERVICE.NRPS_VERSIONS, nrpsVersions.toArray(String[]::new))
                .onConflict(LTI_COURSE_SERVICE.COURSE_ID).doUpdate()
                .set(LTI_COURSE_SERVICE.LINE_ITEMS_URL,
                        DSL.coalesce(DSL.excluded(LTI_COURSE_SERVICE.LINE_ITEMS_URL), LTI_COURSE_SERVICE.LINE_ITEMS_URL))
                .set(LTI_COURSE_SERVICE.AGS_SCOPES, DSL.excluded(LTI_COURSE_SERVICE.AGS_SCOPES))
                .set(LTI_COURSE_SERVICE.MEMBERSHIPS_URL,
                        DSL.coalesce(DSL.excluded(LTI_COURSE_SERVICE.MEMBERSHIPS_URL), LTI_COURSE_SERVICE.MEMBERSHIPS_URL))
                .set(LTI_COURSE_SERVICE.NRPS_VERSIONS, DSL.excluded(LTI_COURSE_SERVICE.NRPS_VERSIONS))
                .set(LTI_COURSE_SERVICE.UPDATED_AT, DSL.currentOffsetDateTime())
                .execute();
    }
}
