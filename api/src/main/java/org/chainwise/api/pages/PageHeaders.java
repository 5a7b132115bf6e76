package org.chainwise.api.pages;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;
import java.util.regex.Pattern;

/**
 * The security headers of every page and asset: a Content-Security-Policy that runs only our own
 * scripts (no inline script, no CDN) and lets the pages be framed by the origins in
 * {@code chainwise.pages.frame-ancestors} (default {@code *}, since an LMS frames them from its own
 * origin); there is deliberately no {@code X-Frame-Options}.
 */
@Singleton
public final class PageHeaders {

    /** CSP source expressions separated by spaces or tabs: nothing that could end the directive or the header. */
    private static final Pattern SOURCE_LIST = Pattern.compile("[ \\t]*[^;,\\s]+([ \\t]+[^;,\\s]+)*[ \\t]*");

    private final String contentSecurityPolicy;

    PageHeaders(@Value("${chainwise.pages.frame-ancestors:*}") String frameAncestors) {
        if (!SOURCE_LIST.matcher(frameAncestors).matches()) {
            throw new IllegalArgumentException("chainwise.pages.frame-ancestors (CHAINWISE_PAGES_FRAME_ANCESTORS) must be "
                    + "CSP sources separated by spaces, such as 'https://lms.example.edu https://*.instructure.com', not: "
                    + frameAncestors);
        }
        String ancestors = frameAncestors.trim().replaceAll("[ \\t]+", " ");
        // KaTeX sets its inline styles through the DOM, which style-src 'self' allows; style attributes in markup it does not.
        contentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                + "font-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors " + ancestors;
    }

    /** The response with the page headers set. */
    <T> MutableHttpResponse<T> apply(MutableHttpResponse<T> response) {
        return response.header("Content-Security-Policy", contentSecurityPolicy)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer");
    }
}
