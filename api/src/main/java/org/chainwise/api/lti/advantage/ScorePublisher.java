package org.chainwise.api.lti.advantage;

import jakarta.inject.Singleton;
import org.chainwise.api.lti.Platform;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpRequest;
import java.util.Set;

/**
 * Publishes scores to a line item's score service (AGS 2.0): {@code POST <line item>/scores} with
 * an access token for the score scope.
 */
@Singleton
public class ScorePublisher {

    public static final String SCORE_MEDIA_TYPE = "application/vnd.ims.lis.v1.score+json";
    private static final Set<String> SCOPES = Set.of(ServiceScopes.SCORE);

    private final PlatformHttp http;
    private final AccessTokens tokens;

    ScorePublisher(PlatformHttp http, AccessTokens tokens) {
        this.http = http;
        this.tokens = tokens;
    }

    public void publish(Platform platform, URI lineItem, Score score) throws ServiceCallFailure {
        URI scores = scoresUrl(lineItem);
        String body = http.writeJson(score.message());
        String what = "the score service " + scores;
        PlatformHttp.Response response = tokens.authorized(platform, SCOPES, token -> post(scores, token, body, what));
        if (!response.ok()) {
            throw ServiceCallFailure.refusal(response, what);
        }
    }

    private PlatformHttp.Response post(URI scores, String token, String body, String what) throws ServiceCallFailure {
        return http.send(HttpRequest.newBuilder(scores)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", SCORE_MEDIA_TYPE)
                .POST(HttpRequest.BodyPublishers.ofString(body)), what);
    }

    /**
     * The line item's score service: {@code /scores} added to the path, the query kept
     * ({@code https://lms/items/7?type=x} becomes {@code https://lms/items/7/scores?type=x}).
     */
    static URI scoresUrl(URI lineItem) {
        String path = lineItem.getRawPath() == null ? "" : lineItem.getRawPath();
        String withScores = (path.endsWith("/") ? path.substring(0, path.length() - 1) : path) + "/scores";
        try {
            return new URI(lineItem.getScheme(), lineItem.getRawAuthority(), null, null, null)
                    .resolve(withScores + (lineItem.getRawQuery() == null ? "" : "?" + lineItem.getRawQuery()));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a line item URL: " + lineItem, e);
        }
    }
}
