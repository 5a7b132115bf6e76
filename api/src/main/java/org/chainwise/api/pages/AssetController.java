package org.chainwise.api.pages;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import org.chainwise.api.web.ApiException;

/**
 * {@code GET /assets/<version>/<path>}: the pages' scripts, styles and fonts. Under the current
 * {@link Assets#version()} a file is cached for a year; under any other version (a page served by an
 * older or newer instance during a deployment) it is served all the same, but only briefly cached.
 */
@Controller("/assets")
class AssetController {

    private static final String LONG_CACHE = "public, max-age=31536000, immutable";
    private static final String SHORT_CACHE = "public, max-age=60";

    private final Assets assets;
    private final PageHeaders headers;

    AssetController(Assets assets, PageHeaders headers) {
        this.assets = assets;
        this.headers = headers;
    }

    @Get("/{version}/{+path}")
    HttpResponse<byte[]> asset(String version, String path) {
        Assets.Asset asset = assets.find(path)
                .orElseThrow(() -> ApiException.notFound("asset_not_found", "There is no asset " + path + "."));
        return headers.apply(HttpResponse.ok(asset.bytes())
                .contentType(asset.contentType())
                .header("Cache-Control", version.equals(assets.version()) ? LONG_CACHE : SHORT_CACHE));
    }
}
