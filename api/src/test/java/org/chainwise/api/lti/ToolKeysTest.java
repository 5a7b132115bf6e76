package org.chainwise.api.lti;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.chainwise.api.TestDatabase;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/** The tool's keys: one current key made on first use, published over HTTP, rotated with an overlap. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ToolKeysTest implements TestPropertyProvider {

    @Inject
    ToolKeys keys;

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        return TestDatabase.freshSchemaProperties();
    }

    private URI url(String path) {
        return server.getURI().resolve(path);
    }

    private static JWTClaimsSet claims() {
        return new JWTClaimsSet.Builder().issuer("chainwise").subject("test").build();
    }

    private JWKSet published(String path) throws Exception {
        Browser.Page page = new Browser().get(url(path));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        return JWKSet.parse(page.body());
    }

    @Test
    @Order(1)
    void aSignatureVerifiesAgainstTheJwksPublishedAtBothUrls() throws Exception {
        String jwt = keys.sign(claims());

        assertThat(TestPlatform.verifyToolJwt(jwt, url("/.well-known/jwks.json")).getSubject()).isEqualTo("test");
        assertThat(TestPlatform.verifyToolJwt(jwt, url("/lti/jwks")).getSubject()).isEqualTo("test");
        JWKSet set = published("/lti/jwks");
        assertThat(set.getKeys()).hasSize(1);
        assertThat(set.getKeys().getFirst().isPrivate()).isFalse();
        assertThat(set.getKeys().getFirst().getKeyID()).isEqualTo(keys.current().getKeyID());
    }

    @Test
    @Order(2)
    void aRotationSignsWithTheNewKeyAndKeepsTheOldOnePublishedForTheOverlap() throws Exception {
        String before = keys.sign(claims());
        String oldKid = keys.current().getKeyID();

        ToolKeys.Rotation rotation = keys.rotate(Duration.ofDays(2));

        assertThat(rotation.retiredKid()).isEqualTo(oldKid);
        assertThat(rotation.currentKid()).isNotEqualTo(oldKid).isEqualTo(keys.current().getKeyID());
        String after = keys.sign(claims());
        assertThat(com.nimbusds.jwt.SignedJWT.parse(after).getHeader().getKeyID()).isEqualTo(rotation.currentKid());
        assertThat(published("/.well-known/jwks.json").getKeys()).extracting(k -> k.getKeyID())
                .containsExactly(rotation.currentKid(), oldKid);
        // A message signed before the rotation still verifies during the overlap.
        assertThat(TestPlatform.verifyToolJwt(before, url("/lti/jwks")).getSubject()).isEqualTo("test");
        assertThat(TestPlatform.verifyToolJwt(after, url("/lti/jwks")).getSubject()).isEqualTo("test");
    }

    @Test
    @Order(3)
    void aRetiredKeyLeavesTheJwksOnceItsOverlapIsOver() throws Exception {
        String before = keys.sign(claims());
        String oldKid = keys.current().getKeyID();

        ToolKeys.Rotation rotation = keys.rotate(Duration.ZERO);

        assertThat(published("/lti/jwks").getKeys()).extracting(k -> k.getKeyID())
                .contains(rotation.currentKid()).doesNotContain(oldKid);
        assertThatThrownBy(() -> TestPlatform.verifyToolJwt(before, url("/lti/jwks")))
                .hasMessageContaining("has no key " + oldKid);
    }
}
