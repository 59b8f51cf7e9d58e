package org.partnershippulse.kit.web;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Headers every response carries, set at the HTTP layer so that they are also on problems, 401s from the
 * authentication layer and unmatched routes: {@code X-Content-Type-Options: nosniff} always, and
 * {@code Cache-Control: no-store} on the API (answers, reports and everything else about people are not for
 * shared or browser caches) unless the resource chose its own, as the HTML report page does. Health, metrics and
 * the OpenAPI document ({@code /q/*}) hold nothing personal and keep Quarkus' defaults.
 */
@ApplicationScoped
public class ResponseHeaders {

    public static final String NOSNIFF = "nosniff";
    public static final String NO_STORE = "no-store";

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            HttpServerResponse response = ctx.response();
            String path = ctx.normalizedPath();
            ctx.addHeadersEndHandler(ignored -> apply(path, response));
            ctx.next();
        });
    }

    static void apply(String path, HttpServerResponse response) {
        response.putHeader("X-Content-Type-Options", NOSNIFF);
        String cacheControl = cacheControl(path, response.headers().get("Cache-Control"));
        if (cacheControl != null) {
            response.putHeader("Cache-Control", cacheControl);
        }
    }

    /** The Cache-Control to answer with: the resource's own if it set one, no-store on the API, none under /q/. */
    static String cacheControl(String path, String own) {
        if (own != null && !own.isBlank()) {
            return own;
        }
        return path != null && (path.equals("/q") || path.startsWith("/q/")) ? null : NO_STORE;
    }
}
