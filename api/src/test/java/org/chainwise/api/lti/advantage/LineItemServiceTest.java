package org.chainwise.api.lti.advantage;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LineItemServiceTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "https://lms/c/7/lineitems           | https://lms/c/7/lineitems?resource_link_id=rl+1%2F2",
        "https://lms/c/7/lineitems?type=x    | https://lms/c/7/lineitems?type=x&resource_link_id=rl+1%2F2",
        "https://lms/c/7/lineitems?          | https://lms/c/7/lineitems?resource_link_id=rl+1%2F2",
        "https://lms/c/7/lineitems?a=1#frag  | https://lms/c/7/lineitems?a=1&resource_link_id=rl+1%2F2#frag",
    })
    void theLinkFilterIsAddedToTheContainersQuery(String container, String expected) {
        assertThat(LineItemService.withQuery(URI.create(container), "resource_link_id", "rl 1/2"))
                .isEqualTo(URI.create(expected));
    }
}
