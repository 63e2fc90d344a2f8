package io.flowdoctor.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.flowdoctor.FlowDoctorConfig;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;

/**
 * Refuses bodies over flowdoctor.max-body-size with 413 problem+json. A body with a Content-Length is
 * refused before it is read. A body sent without one (chunked) is read here, counting, and refused as soon
 * as it passes the limit; one within it is handed to the REST layer as read. The HTTP layer's own cap
 * (quarkus.http.limits.max-body-size) sits above it.
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
            HttpServerRequest request = context.request();
            String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null) {
                if (isOver(length, limit)) {
                    refuse(context, tooLarge);
                } else {
                    context.next();
                }
            } else if (request.headers().contains(HttpHeaders.TRANSFER_ENCODING) || request.version() == HttpVersion.HTTP_2) {
                readCounting(context, limit, tooLarge);
            } else {
                context.next();
            }
        }, PRIORITY);
    }

    private static void readCounting(RoutingContext context, long limit, byte[] tooLarge) {
        HttpServerRequest request = context.request();
        Buffer body = Buffer.buffer();
        boolean[] refused = { false };
        request.handler(chunk -> {
            if (refused[0]) {
                return;
            }
            if (body.length() + (long) chunk.length() > limit) {
                refused[0] = true;
                refuse(context, tooLarge);
            } else {
                body.appendBuffer(chunk);
            }
        });
        request.endHandler(end -> {
            if (!refused[0]) {
                context.setBody(body);
                context.next();
            }
        });
        if ("100-continue".equalsIgnoreCase(request.getHeader(HttpHeaders.EXPECT))) {
            context.response().writeContinue();
        }
        request.resume();
    }

    private static void refuse(RoutingContext context, byte[] problem) {
        context.response().setStatusCode(413)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(Buffer.buffer(problem));
    }

    private static boolean isOver(String contentLength, long limit) {
        try {
            return Long.parseLong(contentLength.strip()) > limit;
        } catch (NumberFormatException malformed) {
            return false;
        }
    }
}
