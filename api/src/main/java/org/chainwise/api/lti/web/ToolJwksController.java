package org.chainwise.api.lti.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import org.chainwise.api.lti.ToolKeys;

/**
 * The tool's public key set, at the URL an LMS administrator enters as the tool's JWKS URL and
 * at the well-known location. Platforms cache it for a few minutes and refetch on an unknown kid.
 */
@Controller
class ToolJwksController {

    private static final String CACHE = "public, max-age=300";

    private final ToolKeys keys;

    ToolJwksController(ToolKeys keys) {
        this.keys = keys;
    }

    @Get(uris = {"/.well-known/jwks.json", "/lti/jwks"}, produces = MediaType.APPLICATION_JSON)
    HttpResponse<String> jwks() {
        return HttpResponse.ok(keys.publicJwks().toString(true)).header("Cache-Control", CACHE);
    }
}
