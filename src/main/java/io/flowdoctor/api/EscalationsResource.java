package io.flowdoctor.api;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import io.flowdoctor.history.CaseStatus;
import io.flowdoctor.history.EscalationService;
import io.flowdoctor.history.EscalationService.CaseView;
import io.flowdoctor.history.PageOf;
import io.flowdoctor.security.Roles;

/** Escalation cases: the support team's work queue. */
@Path("/api/v1/escalations")
@RolesAllowed(Roles.SUPPORT)
@Produces(MediaType.APPLICATION_JSON)
public class EscalationsResource {

    private final EscalationService escalations;

    public EscalationsResource(EscalationService escalations) {
        this.escalations = escalations;
    }

    /** A change to a case: a new status, a note, or both; the note is signed with the caller's name. */
    public record CaseChange(CaseStatus status, @Size(max = 4000) String note) {
    }

    @GET
    @Operation(summary = "Cases, most recently changed first, optionally of one status")
    public PageOf<CaseView> list(
            @Parameter(schema = @Schema(implementation = CaseStatus.class)) @QueryParam("status") String status,
            @Parameter(description = "from 0", schema = @Schema(type = SchemaType.INTEGER, minimum = "0", maximum = "1000000", defaultValue = "0")) @QueryParam("page") String page,
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200", defaultValue = "20")) @QueryParam("size") String size) {
        return escalations.list(QueryParameters.oneOf("status", status, CaseStatus.class),
                Paging.page(page),
                QueryParameters.integer("size", size, PageSize.DEFAULT, 1, PageSize.MAX));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One case with its notes")
    public CaseView get(@PathParam("id") UUID id) {
        return escalations.find(id);
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a case's status (OPEN -> ACKNOWLEDGED -> RESOLVED) or add a note; 409 for a transition not allowed")
    public CaseView change(@PathParam("id") UUID id, @NotNull @Valid CaseChange change, @Context SecurityContext caller) {
        return escalations.change(id, change.status(), change.note(), caller.getUserPrincipal().getName());
    }
}
