package org.chainwise.api.store;

import static org.chainwise.migrations.jooq.Tables.LTI_DEEP_LINK_REQUEST;

import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** Deep-linking requests between the launch that opened the picker and the instructor's choice; each used once. */
@Singleton
public class DeepLinkRequestStore {

    /** A pending request: which platform and deployment asked, from which course and user, and where to answer. */
    public record PendingDeepLink(long platformId, String deploymentId, long courseId, long userId, String returnUrl,
            String data) {
    }

    public void insert(DSLContext tx, String tokenSha256, PendingDeepLink request, Duration lifetime) {
        tx.insertInto(LTI_DEEP_LINK_REQUEST)
                .set(LTI_DEEP_LINK_REQUEST.TOKEN_SHA256, tokenSha256)
                .set(LTI_DEEP_LINK_REQUEST.PLATFORM_ID, request.platformId())
                .set(LTI_DEEP_LINK_REQUEST.DEPLOYMENT_ID, request.deploymentId())
                .set(LTI_DEEP_LINK_REQUEST.COURSE_ID, request.courseId())
                .set(LTI_DEEP_LINK_REQUEST.USER_ID, request.userId())
                .set(LTI_DEEP_LINK_REQUEST.RETURN_URL, request.returnUrl())
                .set(LTI_DEEP_LINK_REQUEST.DATA, request.data())
                .set(LTI_DEEP_LINK_REQUEST.EXPIRES_AT, DSL.field("now() + make_interval(secs => {0})",
                        OffsetDateTime.class, DSL.val((double) lifetime.toSeconds())))
                .execute();
    }

    /** Marks the request used and returns it; empty when unknown, expired or used already. */
    public Optional<PendingDeepLink> take(DSLContext tx, String tokenSha256) {
        return tx.update(LTI_DEEP_LINK_REQUEST)
                .set(LTI_DEEP_LINK_REQUEST.USED_AT, DSL.currentOffsetDateTime())
                .where(LTI_DEEP_LINK_REQUEST.TOKEN_SHA256.eq(tokenSha256),
                        LTI_DEEP_LINK_REQUEST.USED_AT.isNull(),
                        LTI_DEEP_LINK_REQUEST.EXPIRES_AT.gt(DSL.currentOffsetDateTime()))
                .returning()
                .fetchOptional()
                .map(r -> new PendingDeepLink(r.getPlatformId(), r.getDeploymentId(), r.getCourseId(), r.getUserId(),
                        r.getReturnUrl(), r.getData()));
    }

    public int deleteExpired(DSLContext tx) {
        return tx.deleteFrom(LTI_DEEP_LINK_REQUEST)
                .where(LTI_DEEP_LINK_REQUEST.EXPIRES_AT.lt(DSL.currentOffsetDateTime()))
                .execute();
    }
}
