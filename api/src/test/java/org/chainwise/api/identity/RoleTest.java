package org.chainwise.api.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RoleTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner | LEARNER",
        "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor | INSTRUCTOR",
        "http://purl.imsglobal.org/vocab/lis/v2/membership/Instructor#TeachingAssistant | INSTRUCTOR",
        "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator | INSTRUCTOR",
        "http://purl.imsglobal.org/vocab/lis/v2/membership#ContentDeveloper | INSTRUCTOR",
        "http://purl.imsglobal.org/vocab/lis/v2/membership#Mentor | LEARNER",
        "Instructor | INSTRUCTOR",
        "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Student;http://purl.imsglobal.org/vocab/lis/v2/membership#Learner | LEARNER",
        "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner;http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor | INSTRUCTOR",
    })
    void ltiRolesMapToLearnerOrInstructor(String roles, Role expected) {
        List<String> claims = Arrays.asList(roles.split(";"));
        assertThat(Role.fromLtiRoles(claims)).isEqualTo(expected);
    }
}
