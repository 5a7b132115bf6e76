package org.chainwise.api.store;

import static org.chainwise.migrations.jooq.Tables.COURSE_MEMBER;
import static org.chainwise.migrations.jooq.Tables.COURSE_ROLE;
import static org.jooq.impl.DSL.excluded;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.chainwise.api.lti.advantage.CourseRoles;
import org.chainwise.api.lti.advantage.Member;
import org.jooq.DSLContext;

/**
 * A course's roster as the platform's membership service reports it: every member becomes an
 * {@code app_user} with {@code course_role} rows (so teachers see students who never launched),
 * and {@code course_member} remembers whom the roster put there.
 */
@Singleton
public class RosterStore {

    private final People people;

    RosterStore(People people) {
        this.people = people;
    }

    /** What applying a roster changed. */
    public record Applied(int active, int inactive, int removed) {
    }

    /**
     * Applies a complete roster: active members get their course roles; inactive or deleted
     * members, and members an earlier roster listed that this one does not, lose their roles in the
     * course (their work stays).
     */
    public Applied apply(DSLContext tx, long courseId, long platformId, List<Member> members, Instant fetchedAt) {
        OffsetDateTime at = fetchedAt.atOffset(ZoneOffset.UTC);
        Set<Long> listed = new HashSet<>();
        int active = 0;
        int inactive = 0;
        for (Member member : members) {
            if (member.userId() == null || member.userId().isBlank()) {
                continue;
            }
            long userId = people.upsertUser(tx, platformId, member.userId(), member.displayName(), member.email());
            if (!listed.add(userId)) {
                continue;
            }
            String status = member.storedStatus();
            tx.insertInto(COURSE_MEMBER)
                    .set(COURSE_MEMBER.COURSE_ID, courseId)
                    .set(COURSE_MEMBER.USER_ID, userId)
                    .set(COURSE_MEMBER.STATUS, status)
                    .set(COURSE_MEMBER.LTI_ROLES, member.roles().toArray(String[]::new))
                    .set(COURSE_MEMBER.FETCHED_AT, at)
                    .onConflict(COURSE_MEMBER.COURSE_ID, COURSE_MEMBER.USER_ID)
                    .doUpdate()
                    .set(COURSE_MEMBER.STATUS, excluded(COURSE_MEMBER.STATUS))
                    .set(COURSE_MEMBER.LTI_ROLES, excluded(COURSE_MEMBER.LTI_ROLES))
                    .set(COURSE_MEMBER.FETCHED_AT, excluded(COURSE_MEMBER.FETCHED_AT))
                    .execute();
            Set<String> roles = CourseRoles.of(member.roles());
            if (status.equals("active") && !roles.isEmpty()) {
                active++;
                for (String role : roles) {
                    tx.insertInto(COURSE_ROLE)
                            .set(COURSE_ROLE.COURSE_ID, courseId)
                            .set(COURSE_ROLE.USER_ID, userId)
                            .set(COURSE_ROLE.ROLE, role)
                            .onConflictDoNothing()
                            .execute();
                }
                tx.deleteFrom(COURSE_ROLE)
                        .where(COURSE_ROLE.COURSE_ID.eq(courseId), COURSE_ROLE.USER_ID.eq(userId), COURSE_ROLE.ROLE.notIn(roles))
                        .execute();
            } else {
                inactive++;
                revoke(tx, courseId, Set.of(userId));
            }
        }
        Set<Long> gone = new HashSet<>(tx.select(COURSE_MEMBER.USER_ID).from(COURSE_MEMBER)
                .where(COURSE_MEMBER.COURSE_ID.eq(courseId), COURSE_MEMBER.USER_ID.notIn(listed),
                        COURSE_MEMBER.STATUS.ne("deleted"))
                .fetch(COURSE_MEMBER.USER_ID));
        if (!gone.isEmpty()) {
            tx.update(COURSE_MEMBER)
                    .set(COURSE_MEMBER.STATUS, "deleted")
                    .set(COURSE_MEMBER.FETCHED_AT, at)
                    .where(COURSE_MEMBER.COURSE_ID.eq(courseId), COURSE_MEMBER.USER_ID.in(gone))
                    .execute();
            revoke(tx, courseId, gone);
        }
        return new Applied(active, inactive, gone.size());
    }

    private static void revoke(DSLContext tx, long courseId, Set<Long> userIds) {
        tx.deleteFrom(COURSE_ROLE).where(COURSE_ROLE.COURSE_ID.eq(courseId), COURSE_ROLE.USER_ID.in(userIds)).execute();
    }
}
