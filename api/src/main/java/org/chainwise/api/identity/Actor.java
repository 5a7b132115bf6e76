package org.chainwise.api.identity;

import java.util.Objects;
import org.chainwise.api.web.ApiException;

/** The signed-in user of a request, acting in one course with one role. */
public record Actor(long userId, long courseId, Role role) {

    public Actor {
        Objects.requireNonNull(role, "role");
    }

    public boolean isInstructor() {
        return role == Role.INSTRUCTOR;
    }

    /** Refuses with 403 unless the actor teaches their course. */
    public Actor requireInstructor() {
        if (!isInstructor()) {
            throw ApiException.forbidden("instructors_only", "Only an instructor of this course may do this.");
        }
        return this;
    }

    /** Refuses with 403 unless {@code courseId} is the course the actor signed in to. */
    public Actor requireCourse(long courseId) {
        if (courseId != this.courseId) {
            throw ApiException.forbidden("other_course",
                    "You are signed in to course " + this.courseId + ", not course " + courseId + ".");
        }
        return this;
    }
}
