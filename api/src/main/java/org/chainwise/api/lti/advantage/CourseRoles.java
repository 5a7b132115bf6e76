package org.chainwise.api.lti.advantage;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The course roles ({@code course_role.role}) an NRPS member's LTI roles give. Context roles count,
 * by full URI ({@code http://purl.imsglobal.org/vocab/lis/v2/membership#Learner}), as a sub-role
 * ({@code …/membership/Instructor#TeachingAssistant}) or by short name ({@code Learner}); institution
 * and system roles say nothing about this course and are left out.
 */
public final class CourseRoles {

    private static final String CONTEXT_VOCABULARY = "http://purl.imsglobal.org/vocab/lis/v2/membership";
    private static final Map<String, String> BY_LTI_NAME = Map.of(
            "learner", "learner",
            "instructor", "instructor",
            "teachingassistant", "teaching_assistant",
            "contentdeveloper", "content_developer",
            "administrator", "administrator",
            "mentor", "mentor");

    private CourseRoles() {
    }

    public static Set<String> of(List<String> ltiRoles) {
        Set<String> roles = new LinkedHashSet<>();
        for (String role : ltiRoles) {
            boolean contextRole = role.startsWith(CONTEXT_VOCABULARY) || !role.contains("/");
            if (!contextRole) {
                continue;
            }
            String local = role.substring(Math.max(role.lastIndexOf('#'), role.lastIndexOf('/')) + 1);
            String mapped = BY_LTI_NAME.get(local.toLowerCase(Locale.ROOT));
            if (mapped != null) {
                roles.add(mapped);
            }
        }
        return roles;
    }
}
