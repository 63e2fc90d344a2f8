package io.flowdoctor.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.flowdoctor.FlowDoctorConfig;
import io.flowdoctor.intake.Recoveries;
import io.flowdoctor.security.Roles;

/** What happens to a flow beyond its failures. */
@Path("/api/v1/flows/{flowId}")
@Produces(MediaType.APPLICATION_JSON)
public class FlowsResource {

    private final Recoveries recoveries;
    private final FlowDoctorConfig config;

    public FlowsResource(Recoveries recoveries, FlowDoctorConfig config) {
        this.recoveries = recoveries;
        this.config = config;
    }

    @POST
    @RolesAllowed(Roles.SERVICE)
    @Path("/recoveries")
    @Operation(summary = "A run of the flow succeeded: close its incident and credit the latest diagnosis within the "
            + "effectiveness window with the recovery. 200 with the incident closed, 204 when none was open")
    public Response recovered(@PathParam("flowId") String flowId) {
        return recoveries.recover(InvalidParameter.flowId(flowId, config.limits().maxFieldLength()))
                .map(closed -> Response.ok(closed).build())
                .orElseGet(() -> Response.noContent().build());
    }
}
