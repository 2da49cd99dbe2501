package dev.parapet.api;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Refuses an oversized body by its Content-Length before reading it, with a 413 in the OpenAI error
 * shape. Bodies sent without a length are measured after reading, in {@link JsonBody}.
 */
@ApplicationScoped
public class BodySizeLimit {

    private final long maxBytes;

    public BodySizeLimit(ApiConfig config) {
        this.maxBytes = config.maxBodyBytes();
    }

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            String length = rc.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null) {
                long bytes;
                try {
                    bytes = Long.parseLong(length.trim());
                } catch (NumberFormatException e) {
                    bytes = -1;
                }
                if (bytes > maxBytes) {
                    String body = OpenAiErrorMapper.body("invalid_request_error", "request_too_large", null,
                            "The request body is " + bytes + " bytes; the limit is " + maxBytes + " bytes.").toString();
                    rc.response().setStatusCode(413)
                            .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                            .putHeader(HttpHeaders.CONNECTION, "close")
                            .end(body);
                    return;
                }
            }
            rc.next();
        }, 100);
    }
}
