package io.flowdoctor.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;

/**
 * Once a stop begins, new API requests are answered at once with 503 problem+json and the connection is
 * closed, while the requests in flight finish (quarkus.shutdown.timeout). Without it, callers that keep
 * sending would keep the service busy until the grace period ran out, and the requests then in flight
 * would be cut.
 */
@ApplicationScoped
public class StoppingGate {

    /** Before every other filter of the application's routes. */
    private static final int PRIORITY = 200;

    private volatile boolean stopping;

    void stopping(@Observes ShutdownDelayInitiatedEvent event) {
        stopping = true;
    }

    void register(@Observes Filters filters, ObjectMapper mapper) throws JsonProcessingException {
        byte[] stoppingProblem = mapper.writeValueAsBytes(new Problem(ProblemMapper.TYPES + "stopping", "Service unavailable",
                503, "The service is stopping; nothing was recorded. Send the request again, to another instance or shortly",
                null, null));
        filters.register(context -> {
            if (stopping && context.request().path().startsWith("/api/")) {
                context.response().setStatusCode(503)
                        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .putHeader(HttpHeaders.RETRY_AFTER, "5")
                        .end(Buffer.buffer(stoppingProblem));
            } else {
                context.next();
            }
        }, PRIORITY);
    }
}
