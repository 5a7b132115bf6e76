package org.chainwise.api.lti;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.net.URI;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The platform key cache against the test platform's JWKS endpoint. */
class PlatformKeysTest {

    private final TestPlatform platform = TestPlatform.start();

    @AfterEach
    void stop() {
        platform.close();
    }

    @Test
    void aKnownKidIsServedFromTheCache() {
        PlatformKeys keys = new PlatformKeys(Duration.ofMinutes(10), Duration.ZERO);
        String kid = platform.signingKey().getKeyID();

        RSAPublicKey first = keys.key(platform.jwksUrl(), kid);
        RSAPublicKey second = keys.key(platform.jwksUrl(), kid);

        assertThat(second).isEqualTo(first);
        assertThat(platform.jwksFetches()).isEqualTo(1);
    }

    @Test
    void anUnknownKidRefetchesOnceAndIsRefusedWhenStillUnknown() {
        PlatformKeys keys = new PlatformKeys(Duration.ofMinutes(10), Duration.ZERO);
        keys.key(platform.jwksUrl(), platform.signingKey().getKeyID());

        assertThatThrownBy(() -> keys.key(platform.jwksUrl(), "no-such-kid"))
                .isInstanceOfSatisfying(LaunchRefused.class, e -> {
                    assertThat(e.status().getCode()).isEqualTo(401);
                    assertThat(e.code()).isEqualTo("lti_unknown_kid");
                    assertThat(e).hasMessageContainingAll("'no-such-kid'", platform.jwksUrl().toString());
                });
        assertThat(platform.jwksFetches()).isEqualTo(2);
    }

    @Test
    void unknownKidsDoNotRefetchMoreOftenThanTheMinimumInterval() {
        PlatformKeys keys = new PlatformKeys(Duration.ofMinutes(10), Duration.ofMinutes(5));
        keys.key(platform.jwksUrl(), platform.signingKey().getKeyID());

        for (int i = 0; i < 5; i++) {
            String kid = "made-up-" + i;
            assertThatThrownBy(() -> keys.key(platform.jwksUrl(), kid)).isInstanceOf(LaunchRefused.class);
        }

        assertThat(platform.jwksFetches()).isEqualTo(1);
    }

    @Test
    void concurrentLookupsOnAColdCacheShareOneFetch() throws Exception {
        PlatformKeys keys = new PlatformKeys(Duration.ofMinutes(10), Duration.ZERO);
        CountDownLatch gate = platform.holdJwks();
        String kid = platform.signingKey().getKeyID();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<RSAPublicKey>> lookups = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                lookups.add(threads.submit(() -> keys.key(platform.jwksUrl(), kid)));
            }
            // Bounded wait until the one fetch is under way; the others then join it or find the cache filled.
            for (int i = 0; i < 200 && keys.fetchesInFlight() == 0; i++) {
                Thread.sleep(10);
            }
            gate.countDown();
            for (Future<RSAPublicKey> lookup : lookups) {
                assertThat(lookup.get(20, TimeUnit.SECONDS)).isNotNull();
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(platform.jwksFetches()).isEqualTo(1);
    }

    @Test
    void aJwksThatCannotBeFetchedIsAClearRefusal() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        URI nowhere = URI.create("http://127.0.0.1:" + closedPort + "/jwks");
        PlatformKeys keys = new PlatformKeys(Duration.ofMinutes(10), Duration.ZERO);

        assertThatThrownBy(() -> keys.key(nowhere, "any"))
                .isInstanceOfSatisfying(LaunchRefused.class, e -> {
                    assertThat(e.status().getCode()).isEqualTo(502);
                    assertThat(e.code()).isEqualTo("lti_platform_jwks_unavailable");
                    assertThat(e).hasMessageContainingAll(nowhere.toString(), "ConnectException");
                });
    }

    @Test
    void aJwksEndpointAnsweringAnErrorIsAClearRefusal() {
        PlatformKeys keys = new PlatformKeys(Duration.ofMinutes(10), Duration.ZERO);

        assertThatThrownBy(() -> keys.key(platform.base().resolve("/no-jwks-here"), "any"))
                .isInstanceOf(LaunchRefused.class).hasMessageContaining("answered HTTP 404");
    }
}
