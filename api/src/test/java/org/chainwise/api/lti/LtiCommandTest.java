package org.chainwise.api.lti;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.chainwise.api.TestDatabase;
import org.junit.jupiter.api.Test;

/** {@code chainwise.jar lti ...} on a real database: register, add a deployment, list, rotate the key, bad command lines. */
class LtiCommandTest {

    private final Map<String, Object> database = new HashMap<>(TestDatabase.freshSchemaProperties());

    private record Run(int status, String out, String err) {
    }

    private Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = LtiCommand.run(List.of(args), database, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aPlatformRegisteredFromTheShellIsListedWithItsDeployments() {
        Run registered = run("register", "--issuer", "https://moodle.school.example", "--client-id", "abc123",
                "--auth-url", "https://moodle.school.example/mod/lti/auth.php",
                "--token-url", "https://moodle.school.example/mod/lti/token.php",
                "--jwks-url", "https://moodle.school.example/mod/lti/certs.php", "--deployment", "1");
        Run added = run("add-deployment", "--issuer", "https://moodle.school.example", "--client-id", "abc123",
                "--deployment", "2");
        Run listed = run("list");

        assertThat(registered.status()).as(registered.err()).isZero();
        assertThat(registered.out()).contains("Registered https://moodle.school.example (client id abc123");
        assertThat(added.out()).contains("deployments [1, 2]");
        assertThat(listed.out()).contains("https://moodle.school.example", "certs.php", "deployments [1, 2]")
                .doesNotContain("chainwise-local");
    }

    @Test
    void aKeyRotationFromTheShellNamesBothKeys() {
        Run first = run("rotate-key", "--overlap-hours", "24");
        Run second = run("rotate-key");

        assertThat(first.status()).as(first.err()).isZero();
        assertThat(second.out()).startsWith("Signing key is now chainwise-").contains("stays published until");
    }

    @Test
    void badCommandLinesAreRefusedWithUsage() {
        assertThat(run().status()).isEqualTo(LtiCommand.USAGE);
        Run missing = run("register", "--issuer", "https://lms.example");
        assertThat(missing.status()).isEqualTo(LtiCommand.USAGE);
        assertThat(missing.err()).contains("--client-id is required");
        Run badUrl = run("register", "--issuer", "https://lms.example", "--client-id", "c", "--auth-url", "nope",
                "--token-url", "https://lms.example/t", "--jwks-url", "https://lms.example/k");
        assertThat(badUrl.err()).contains("--auth-url must be an absolute http(s) URL");
        assertThat(run("frobnicate").err()).contains("unknown command 'frobnicate'");
        assertThat(run("rotate-key", "--overlap-hours", "soon").err()).contains("--overlap-hours must be a whole number");
    }
}
