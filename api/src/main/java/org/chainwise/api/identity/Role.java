package org.chainwise.api.identity;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;

/** What a user may do in a course: practise (learner) or teach and read reports (instructor). */
public enum Role {
    LEARNER,
    INSTRUCTOR;

    /** The LTI role names (short or full URI) that make a user an instructor of the context. */
    private static final Set<String> TEACHING = Set.of(
            "instructor", "teachingassistant", "contentdeveloper", "administrator");

    /** The name stored in the database and sent over HTTP. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    /**
     * The role a set of LTI role claims gives: instructor when any of them is a teaching role
     * (a context or institution role such as {@code http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor},
     * {@code ...#TeachingAssistant} or {@code ...institution/person#Administrator}), else learner.
     */
    public static Role fromLtiRoles(Collection<String> roles) {
        for (String role : roles) {
            String local = role.substring(Math.max(role.lastIndexOf('#'), role.lastIndexOf('/')) + 1);
            if (TEACHING.contains(local.toLowerCase(Locale.ROOT))) {
                return INSTRUCTOR;
            }
        }
        return LEARNER;
    }
}
