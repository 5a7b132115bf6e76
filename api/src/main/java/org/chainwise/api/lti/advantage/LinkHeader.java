package org.chainwise.api.lti.advantage;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the target of one relation out of HTTP {@code Link} headers (RFC 8288), as NRPS pages with {@code rel="next"}. */
final class LinkHeader {

    /** One link value: {@code <target>} then its parameters, up to the next link or the end. */
    private static final Pattern LINK = Pattern.compile("<([^>]*)>((?:\\s*;\\s*[^;,]+)*)");
    private static final Pattern REL = Pattern.compile(";\\s*rel\\s*=\\s*(\"[^\"]*\"|[^;,\\s]+)", Pattern.CASE_INSENSITIVE);

    private LinkHeader() {
    }

    /** The target of the first link with relation {@code rel}, resolved against {@code base}. */
    static Optional<URI> target(List<String> headerValues, String rel, URI base) {
        for (String value : headerValues) {
            Matcher link = LINK.matcher(value);
            while (link.find()) {
                Matcher relation = REL.matcher(link.group(2));
                while (relation.find()) {
                    String names = relation.group(1).replace("\"", "");
                    for (String name : names.trim().split("\\s+")) {
                        if (name.toLowerCase(Locale.ROOT).equals(rel)) {
                            return Optional.of(base.resolve(link.group(1).trim()));
                        }
                    }
                }
            }
        }
        return Optional.empty();
    }
}
