package org.chainwise.api.store;

import java.util.Objects;

/** A practice set placed in a course: its id, course, LTI resource link and definition. */
public record StoredPracticeSet(long id, long courseId, String resourceLinkId, PracticeSetDefinition definition) {

    public StoredPracticeSet {
        Objects.requireNonNull(resourceLinkId, "resourceLinkId");
        Objects.requireNonNull(definition, "definition");
    }
}
