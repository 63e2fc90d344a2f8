package io.flowdoctor.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.flowdoctor.FlowDoctorConfig;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;

/**
 * Refuses bodies over flowdoctor.max-body-size with 413 problem+json before they are read. The HTTP
 * layer's own cap (quarkus.http.limits.max-body-size) sits above it and only answers a bare 413.
 */
@ApplicationScoped
public class BodySizeLimit {

    /** Runs before the application's routes. */
    private static final int PRIORITY = 100;

    void register(@Observes Filters filters, FlowDoctorConfig config, ObjectMapper mapper) throws JsonProcessingException {
        long limit = config.maxBodySize().asLongValue();
        byte[] tooLarge = mapper.writeValueAsBytes(new Problem(ProblemMapper.TYPES + "body-too-large", "Request body too large",
                413, "The request body is larger than the " + limit + " bytes this service accepts (flowdoctor.max-body-size)",
                "body", null));
        filters.register(context -> {
            String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && isOver(length, limit)) {
                context.response().setStatusCode(413)
                        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .end(io.vertx.core.buffer.Buffer.buffer(tooLarge));
            } else {
                context.next();
            }
        }, PRIORITY);
    }

    private static boolean isOver(String contentLength, long limit) {
        try {
            return Long.parseLong(contentLength.strip()) > limit;
        } catch (NumberFormatException malformed) {
            return false;
        }
    }
}
