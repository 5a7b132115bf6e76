package org.chainwise.api.lti.advantage;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.chainwise.api.lti.Platform;

/**
 * A course's AGS 2.0 line items container: finds the line item of a resource link ({@code GET
 * <container>?resource_link_id=…}, page after page by {@code Link: <…>; rel="next"}, at most
 * {@link #MAX_PAGES}) and creates one ({@code POST <container>}).
 */
@Singleton
public class LineItemService {

    public static final String CONTAINER_MEDIA_TYPE = "application/vnd.ims.lis.v2.lineitemcontainer+json";
    public static final String LINE_ITEM_MEDIA_TYPE = "application/vnd.ims.lis.v2.lineitem+json";
    /** The tag of the line items the tool creates, preferred when a link has more than one. */
    public static final String TAG = "chainwise";
    static final int MAX_PAGES = 100;

    private final PlatformHttp http;
    private final AccessTokens tokens;

    LineItemService(PlatformHttp http, AccessTokens tokens) {
        this.http = http;
        this.tokens = tokens;
    }

    /** A line item as the container lists it and as the tool creates it (AGS 2.0 §3.2). */
    @Serdeable
    public record LineItem(@Nullable String id, @Nullable Double scoreMaximum, @Nullable String label,
                           @Nullable String resourceLinkId, @Nullable String tag) {
    }

    /**
     * The line item of the resource link: one tagged {@link #TAG} if there is such, else the first
     * listed. Items of other links are skipped even when the platform ignored the filter.
     * {@code scopes} are the token's: the manage scope, or the read-only one.
     */
    public Optional<URI> find(Platform platform, URI container, String resourceLinkId, Set<String> scopes)
            throws ServiceCallFailure {
        Optional<URI> first = Optional.empty();
        Set<URI> seen = new HashSet<>();
        Optional<URI> page = Optional.of(withQuery(container, "resource_link_id", resourceLinkId));
        while (page.isPresent()) {
            URI url = page.get();
            String what = "the line items container " + url;
            if (!seen.add(url)) {
                throw ServiceCallFailure.retryable(what + " links back to a page already read");
            }
            if (seen.size() > MAX_PAGES) {
                throw ServiceCallFailure.retryable("the line items container " + container + " has more than "
                        + MAX_PAGES + " pages for one resource link");
            }
            PlatformHttp.Response response = tokens.authorized(platform, scopes, token -> http.send(
                    HttpRequest.newBuilder(url)
                            .header("Authorization", "Bearer " + token)
                            .header("Accept", CONTAINER_MEDIA_TYPE)
                            .GET(), what));
            if (!response.ok()) {
                throw ServiceCallFailure.refusal(response, what);
            }
            for (LineItem item : http.readJson(response.body(), LineItem[].class, what)) {
                if (item == null || item.id() == null || !resourceLinkId.equals(item.resourceLinkId())) {
                    continue;
                }
                URI id = url.resolve(item.id());
                if (TAG.equals(item.tag())) {
                    return Optional.of(id);
                }
                first = first.or(() -> Optional.of(id));
            }
            page = LinkHeader.target(response.headers("Link"), "next", url);
        }
        return first;
    }

    /** Creates the line item in the container (needs the manage scope); returns its URL. */
    public URI create(Platform platform, URI container, LineItem item) throws ServiceCallFailure {
        String what = "the line items container " + container;
        String body = http.writeJson(item);
        PlatformHttp.Response response = tokens.authorized(platform, Set.of(ServiceScopes.LINE_ITEM), token -> http.send(
                HttpRequest.newBuilder(container)
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", LINE_ITEM_MEDIA_TYPE)
                        .header("Accept", LINE_ITEM_MEDIA_TYPE)
                        .POST(HttpRequest.BodyPublishers.ofString(body)), what));
        if (!response.ok()) {
            throw ServiceCallFailure.refusal(response, what);
        }
        LineItem created = http.readJson(response.body(), LineItem.class, what);
        if (created.id() == null || created.id().isBlank()) {
            // Retryable: the next lookup finds the item by its resource link if it was made.
            throw ServiceCallFailure.retryable(what + " created a line item but answered without its id");
        }
        return container.resolve(created.id());
    }

    /** {@code url} with {@code name=value} added to its query. */
    static URI withQuery(URI url, String name, String value) {
        String pair = URLEncoder.encode(name, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
        String text = url.toString();
        int fragment = text.indexOf('#');
        String beforeFragment = fragment < 0 ? text : text.substring(0, fragment);
        String separator = url.getRawQuery() == null ? "?" : (beforeFragment.endsWith("&") || beforeFragment.endsWith("?") ? "" : "&");
        return URI.create(beforeFragment + separator + pair + (fragment < 0 ? "" : text.substring(fragment)));
    }
}
