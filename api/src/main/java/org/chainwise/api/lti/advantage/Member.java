package org.chainwise.api.lti.advantage;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * One member of a context as the platform's membership service (NRPS 2.0) lists them: the platform's
 * id of the user ({@code user_id}, the launches' {@code sub}), their roles and status
 * ({@code Active} when absent).
 */
@Serdeable.Deserializable
public record Member(@JsonProperty("user_id") String userId, String status, String name,
                     @JsonProperty("given_name") String givenName, @JsonProperty("family_name") String familyName,
                     String email, List<String> roles) {

    public Member {
        roles = roles == null ? List.of() : List.copyOf(roles);
        status = status == null || status.isBlank() ? "Active" : status;
    }

    /** The name to show: the full name, else the given and family names. */
    public String displayName() {
        if (name != null && !name.isBlank()) {
            return name;
        }
        String joined = ((givenName == null ? "" : givenName) + " " + (familyName == null ? "" : familyName)).trim();
        return joined.isEmpty() ? null : joined;
    }

    /** {@code active}, {@code inactive} or {@code deleted}, as stored. */
    public String storedStatus() {
        return switch (status.toLowerCase(java.util.Locale.ROOT)) {
            case "inactive" -> "inactive";
            case "deleted" -> "deleted";
            default -> "active";
        };
    }
}
