package io.flowdoctor.api;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.flowdoctor.notify.EmailSettings;

/** The unsubscribe link of every repair-tips e-mail: works without logging in, refuses forged tokens. */
@Path("/api/v1/unsubscribe")
@PermitAll
public class UnsubscribeResource {

    private final EmailSettings settings;

    public UnsubscribeResource(EmailSettings settings) {
        this.settings = settings;
    }

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "Stop repair-tips e-mails for the flow the signed token names")
    public Response unsubscribe(@QueryParam("token") String token) {
        return settings.unsubscribe(token)
                .map(s -> Response
                        .ok("Repair-tips e-mails for flow " + s.flowId() + " are switched off for " + s.email() + ".\n")
                        .build())
                .orElseGet(() -> ProblemMapper.problem(new Problem(ProblemMapper.TYPES + "invalid-token", "Invalid token", 400,
                        "This unsubscribe link is not valid: it was altered or not issued by this service", "token", null)));
    }
}
