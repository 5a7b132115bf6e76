package org.chainwise.api.lti.advantage;

import io.micronaut.context.annotation.Value;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import org.chainwise.api.lti.Platform;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a context's roster from the platform's Names and Role Provisioning Service (NRPS 2.0),
 * following {@code Link: <…>; rel="next"} from page to page, at most
 * {@code chainwise.roster.max-pages} pages.
 */
@Singleton
public class MembershipService {

    public static final String MEMBERSHIP_MEDIA_TYPE = "application/vnd.ims.lti-nrps.v2.membershipcontainer+json";
    private static final Set<String> SCOPES = Set.of(ServiceScopes.CONTEXT_MEMBERSHIP_READ_ONLY);

    private final PlatformHttp http;
    private final AccessTokens tokens;
    private final int maxPages;

    MembershipService(PlatformHttp http, AccessTokens tokens, @Value("${chainwise.roster.max-pages:200}") int maxPages) {
        this.http = http;
        this.tokens = tokens;
        this.maxPages = maxPages;
    }

    @Serdeable.Deserializable
    record MembershipContainer(List<Member> members) {
    }

    /** Every member on every page; fails rather than returning part of the roster. */
    public List<Member> members(Platform platform, URI membershipsUrl) throws ServiceCallFailure {
        List<Member> members = new ArrayList<>();
        Set<URI> seen = new HashSet<>();
        Optional<URI> page = Optional.of(membershipsUrl);
        while (page.isPresent()) {
            URI url = page.get();
            if (!seen.add(url)) {
                throw ServiceCallFailure.retryable("the membership service links back to a page already read: " + url);
            }
            if (seen.size() > maxPages) {
                throw ServiceCallFailure.retryable("the membership service has more than " + maxPages + " pages");
            }
            PlatformHttp.Response response = fetch(platform, url);
            MembershipContainer container = http.readJson(response.body(), MembershipContainer.class,
                    "the membership service " + url);
            if (container.members() != null) {
                members.addAll(container.members());
            }
            page = LinkHeader.target(response.headers("Link"), "next", url);
        }
        return members;
    }

    private PlatformHttp.Response fetch(Platform platform, URI url) throws ServiceCallFailure {
        String what = "the membership service " + url;
        PlatformHttp.Response response = tokens.authorized(platform, SCOPES, token -> get(url, token, what));
        if (!response.ok()) {
            throw ServiceCallFailure.refusal(response, what);
        }
        return response;
    }

    private PlatformHttp.Response get(URI url, String token, String what) throws ServiceCallFailure {
        return http.send(HttpRequest.newBuilder(url)
                .header("Authorization", "Bearer " + token)
                .header("Accept", MEMBERSHIP_MEDIA_TYPE)
                .GET(), what);
    }
}
