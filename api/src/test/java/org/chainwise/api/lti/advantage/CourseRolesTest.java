package org.chainwise.api.lti.advantage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CourseRolesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner                                  | learner",
            "Learner                                                                                    | learner",
            "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor                               | instructor",
            "http://purl.imsglobal.org/vocab/lis/v2/membership/Instructor#TeachingAssistant             | teaching_assistant",
            "http://purl.imsglobal.org/vocab/lis/v2/membership#ContentDeveloper                         | content_developer",
            "http://purl.imsglobal.org/vocab/lis/v2/membership#Mentor                                   | mentor",
            "http://purl.imsglobal.org/vocab/lis/v2/membership#Administrator                            | administrator",
            "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator                    | ''",
            "http://purl.imsglobal.org/vocab/lis/v2/system/person#SysAdmin                              | ''",
            "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner,http://purl.imsglobal.org/vocab/lis/v2/membership#Mentor | learner,mentor"})
    void contextRolesMapToCourseRolesAndOthersAreLeftOut(String ltiRoles, String courseRoles) {
        List<String> expected = courseRoles.isEmpty() ? List.of() : Arrays.asList(courseRoles.split(","));

        assertThat(CourseRoles.of(Arrays.asList(ltiRoles.split(",")))).containsExactlyElementsOf(expected);
    }
}
