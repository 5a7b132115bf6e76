package org.chainwise.api.lti;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.chainwise.api.store.ToolKeyStore;
import org.chainwise.api.store.ToolKeyStore.StoredKey;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tool's signing keys: {@link #sign} signs with the current key (RS256, its kid in the
 * header), {@link #publicJwks} is the key set the tool publishes, {@link #rotate} makes a new
 * current key and keeps the old one published for an overlap. The keys live in PostgreSQL, so
 * every api node signs alike; each node rereads them at most {@link #REFRESH} after a change
 * made elsewhere, and a retired key stays published far longer than that.
 */
@Singleton
public class ToolKeys {

    /** How long a retired key stays in the published JWKS unless the rotation says otherwise. */
    public static final Duration DEFAULT_OVERLAP = Duration.ofDays(7);
    static final Duration REFRESH = Duration.ofSeconds(30);

    private static final Logger LOG = LoggerFactory.getLogger(ToolKeys.class);
    private static final int KEY_BITS = 2048;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final DSLContext dsl;
    private final ToolKeyStore store;
    private volatile Snapshot snapshot;

    /** The keys as last read: the signing key and the published set. */
    private record Snapshot(RSAKey signing, JWKSet published, Instant readAt) {
    }

    /** A key after a rotation: the new current kid, the retired one (null when there was none) and until when it stays published. */
    public record Rotation(String currentKid, String retiredKid, Instant retiredPublishedUntil) {
    }

    ToolKeys(DSLContext dsl, ToolKeyStore store) {
        this.dsl = dsl;
        this.store = store;
    }

    /** The current signing key (private part included): made and stored the first time any node needs one. */
    public RSAKey current() {
        return snapshot().signing();
    }

    /** The key set the tool publishes: the current key and every retired key inside its overlap, public parts only. */
    public JWKSet publicJwks() {
        return snapshot().published();
    }

    /** The published key set as a JSON object ({@code {"keys":[...]}}). */
    public Map<String, Object> publicJwksJson() {
        return publicJwks().toJSONObject(true);
    }

    /** The claims signed with the current key as a compact JWS (RS256, {@code typ: JWT}, the key's kid). */
    public String sign(JWTClaimsSet claims) {
        RSAKey key = current();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256)
                .type(JOSEObjectType.JWT).keyID(key.getKeyID()).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign with tool key " + key.getKeyID(), e);
        }
        return jwt.serialize();
    }

    /**
     * Makes a new current key; the old one stops signing at once and stays published for
     * {@code overlap}. Keys past their overlap are deleted, private parts and all.
     */
    public Rotation rotate(Duration overlap) {
        if (overlap.isNegative()) {
            throw new IllegalArgumentException("the overlap must not be negative");
        }
        RSAKey fresh = generate();
        Rotation rotation = dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            var old = store.currentForUpdate(tx);
            old.ifPresent(key -> store.retire(tx, key.kid(), overlap));
            store.deleteExpired(tx);
            if (!store.insertCurrent(tx, fresh.getKeyID(), fresh.toJSONString(), fresh.toPublicJWK().toJSONString())) {
                throw new IllegalStateException("another key became current during the rotation");
            }
            return new Rotation(fresh.getKeyID(), old.map(StoredKey::kid).orElse(null),
                    old.isPresent() ? Instant.now().plus(overlap) : null);
        });
        LOG.info("Tool key rotated: {} signs now; {} stays published for {}", rotation.currentKid(),
                rotation.retiredKid(), overlap);
        snapshot = read();
        return rotation;
    }

    /** The published keys with their state, newest first, for the admin listing. */
    public List<StoredKey> published() {
        return dsl.transactionResult(cfg -> store.published(cfg.dsl()));
    }

    private Snapshot snapshot() {
        Snapshot s = snapshot;
        if (s == null || s.readAt().plus(REFRESH).isBefore(Instant.now())) {
            synchronized (this) {
                s = snapshot;
                if (s == null || s.readAt().plus(REFRESH).isBefore(Instant.now())) {
                    s = read();
                    snapshot = s;
                }
            }
        }
        return s;
    }

    private Snapshot read() {
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            StoredKey current = store.current(tx).orElse(null);
            if (current == null) {
                RSAKey first = generate();
                if (store.insertCurrent(tx, first.getKeyID(), first.toJSONString(), first.toPublicJWK().toJSONString())) {
                    LOG.info("Tool key {} made: the first signing key", first.getKeyID());
                }
                current = store.current(tx).orElseThrow();
            }
            List<JWK> published = store.published(tx).stream().map(k -> (JWK) parse(k).toPublicJWK()).toList();
            return new Snapshot(parse(current), new JWKSet(published), Instant.now());
        });
    }

    private static RSAKey parse(StoredKey key) {
        try {
            return RSAKey.parse(key.privateJwk());
        } catch (ParseException e) {
            throw new IllegalStateException("tool key " + key.kid() + " is not a readable RSA JWK", e);
        }
    }

    private static RSAKey generate() {
        byte[] suffix = new byte[4];
        RANDOM.nextBytes(suffix);
        String kid = "chainwise-" + LocalDate.now(ZoneOffset.UTC).format(DateTimeFormatter.BASIC_ISO_DATE)
                + "-" + HexFormat.of().formatHex(suffix);
        try {
            return new RSAKeyGenerator(KEY_BITS).keyID(kid).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate an RSA key", e);
        }
    }
}
