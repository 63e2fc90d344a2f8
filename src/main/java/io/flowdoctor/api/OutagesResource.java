package io.flowdoctor.api;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import io.flowdoctor.history.OutageService;
import io.flowdoctor.history.OutageService.OutageView;
import io.flowdoctor.history.OutageStatus;
import io.flowdoctor.history.PageOf;
import io.flowdoctor.security.Roles;

/** Outage cases: many flows failing with one signature at once, one case for all of them. */
@Path("/api/v1/outages")
@RolesAllowed(Roles.SUPPORT)
@Produces(MediaType.APPLICATION_JSON)
public class OutagesResource {

    private final OutageService outages;

    public OutagesResource(OutageService outages) {
        this.outages = outages;
    }

    @GET
    @Operation(summary = "Outage cases, most recently changed first, optionally of one status")
    public PageOf<OutageView> list(
            @Parameter(schema = @Schema(implementation = OutageStatus.class)) @QueryParam("status") String status,
            @Parameter(description = "from 0", schema = @Schema(type = SchemaType.INTEGER, minimum = "0", maximum = "1000000", defaultValue = "0")) @QueryParam("page") String page,
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200", defaultValue = "20")) @QueryParam("size") String size) {
        return outages.list(QueryParameters.oneOf("status", status, OutageStatus.class), Paging.page(page),
                QueryParameters.integer("size", size, PageSize.DEFAULT, 1, PageSize.MAX));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One outage case with the flows it links")
    public OutageView get(@PathParam("id") UUID id) {
        return outages.find(id);
    }
}
