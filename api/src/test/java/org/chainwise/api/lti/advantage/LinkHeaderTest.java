package org.chainwise.api.lti.advantage;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LinkHeaderTest {

    private static final URI PAGE = URI.create("https://lms.example/api/lti/courses/7/names_and_roles?page=1");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "<https://lms.example/m?page=2>; rel=\"next\"                                   | https://lms.example/m?page=2",
            "<https://lms.example/m?p=2>; rel=next                                           | https://lms.example/m?p=2",
            "<https://lms.example/d?since=4>; rel=\"differences\", <https://lms.example/m?p=3>; rel=\"next\" | https://lms.example/m?p=3",
            "<https://lms.example/m?a=1,b=2>; title=\"x; y\"; rel=\"next\"                  | https://lms.example/m?a=1,b=2",
            "</api/lti/courses/7/names_and_roles?page=2>; REL=\"Next\"                     | https://lms.example/api/lti/courses/7/names_and_roles?page=2",
            "<https://lms.example/m?p=2>; rel=\"prev next\"                                 | https://lms.example/m?p=2"})
    void theNextTargetIsFoundAndResolved(String header, String expected) {
        assertThat(LinkHeader.target(List.of(header.strip()), "next", PAGE)).contains(URI.create(expected.strip()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "<https://lms.example/d?since=4>; rel=\"differences\"",
            "<https://lms.example/m?p=2>; rel=\"nextpage\"",
            "not a link header"})
    void noNextMeansTheLastPage(String header) {
        assertThat(LinkHeader.target(List.of(header), "next", PAGE)).isEmpty();
    }
}
