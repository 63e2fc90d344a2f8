package io.flowdoctor.api;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.flowdoctor.FlowDoctorConfig;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * A URI too long (414) or headers too large (431) get problem+json like every other error. The HTTP
 * server answers those itself, bare, before any route runs; so its own caps
 * (quarkus.http.limits.max-initial-line-length and max-header-size) are set well above the limits the
 * service means (flowdoctor.http.max-uri-length and max-header-size), which this filter enforces.
 */
@ApplicationScoped
public class RequestHeadLimits {

    /** Before the body limit and the application's routes. */
    private static final int PRIORITY = 110;

    void register(@Observes Filters filters, FlowDoctorConfig config, ObjectMapper mapper) throws JsonProcessingException {
        int maxUri = config.http().maxUriLength();
        int maxHeaders = config.http().maxHeaderSize();
        byte[] uriTooLong = mapper.writeValueAsBytes(new Problem(ProblemMapper.TYPES + "uri-too-long", "URI Too Long", 414,
                "The request's URI is longer than the " + maxUri
                        + " characters this service accepts (flowdoctor.http.max-uri-length)",
                "uri", null));
        byte[] headersTooLarge = mapper.writeValueAsBytes(new Problem(ProblemMapper.TYPES + "headers-too-large",
                "Request Header Fields Too Large", 431, "The request's headers are larger than the " + maxHeaders
                        + " bytes this service accepts (flowdoctor.http.max-header-size)",
                "headers", null));
        filters.register(context -> {
            if (context.request().uri().length() > maxUri) {
                refuse(context, 414, uriTooLong);
            } else if (headerSize(context) > maxHeaders) {
                refuse(context, 431, headersTooLarge);
            } else {
                context.next();
            }
        }, PRIORITY);
    }

    /** As on the wire: "name: value" and a line break per header. */
    private static long headerSize(RoutingContext context) {
        long size = 0;
        for (Map.Entry<String, String> header : context.request().headers()) {
            size += header.getKey().length() + 2L + header.getValue().length() + 2L;
        }
        return size;
    }

    private static void refuse(RoutingContext context, int status, byte[] problem) {
        context.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(Buffer.buffer(problem));
    }
}
