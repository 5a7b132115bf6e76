package org.chainwise.api.lti;

import io.micronaut.http.HttpStatus;
import java.util.Objects;

/**
 * An LTI request the tool turns away: the status, a stable code (the rule that failed) and a
 * message an LMS administrator can act on. {@link org.chainwise.api.lti.web.LaunchRefusedHandler}
 * logs every one and answers with the API's error shape.
 */
public final class LaunchRefused extends RuntimeException {

    private final HttpStatus status;
    private final String code;

    public LaunchRefused(HttpStatus status, String code, String message) {
        super(Objects.requireNonNull(message), null, false, false);
        this.status = Objects.requireNonNull(status);
        this.code = Objects.requireNonNull(code);
    }

    /** A malformed request or message: 400. */
    public static LaunchRefused badRequest(String code, String message) {
        return new LaunchRefused(HttpStatus.BAD_REQUEST, code, message);
    }

    /** A message that cannot be trusted (signature, issuer, audience, times, nonce, state): 401. */
    public static LaunchRefused untrusted(String code, String message) {
        return new LaunchRefused(HttpStatus.UNAUTHORIZED, code, message);
    }

    /** A trustworthy message the tool will not act on (an unknown deployment, a learner deep-linking): 403. */
    public static LaunchRefused forbidden(String code, String message) {
        return new LaunchRefused(HttpStatus.FORBIDDEN, code, message);
    }

    /** A deployment the platform's registration does not hold (and may not be learned): 403. */
    public static LaunchRefused unknownDeployment(Platform platform, String deploymentId) {
        return forbidden("lti_unknown_deployment", "Deployment '" + deploymentId + "' of " + platform.issuer()
                + " is not registered with Chainwise. An administrator adds it (lti register --deployment).");
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }
}
