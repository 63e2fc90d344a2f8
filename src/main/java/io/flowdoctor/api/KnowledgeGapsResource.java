package io.flowdoctor.api;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import io.flowdoctor.history.GapStatus;
import io.flowdoctor.history.KnowledgeGaps;
import io.flowdoctor.history.KnowledgeGaps.GapQuery;
import io.flowdoctor.history.KnowledgeGaps.GapView;
import io.flowdoctor.history.PageOf;
import io.flowdoctor.lifecycle.GapScenarios;
import io.flowdoctor.security.Roles;

/** Failures the rules could not explain, clustered by signature, for the analysts who keep the rules. */
@Path("/api/v1/knowledge-gaps")
@RolesAllowed(Roles.ANALYST)
@Produces(MediaType.APPLICATION_JSON)
public class KnowledgeGapsResource {

    static final String YAML = "application/yaml";

    private final KnowledgeGaps gaps;
    private final GapScenarios scenarios;

    public KnowledgeGapsResource(KnowledgeGaps gaps, GapScenarios scenarios) {
        this.gaps = gaps;
        this.scenarios = scenarios;
    }

    /** An analyst's decision on a gap: OPEN or DISMISSED, and a note. */
    public record GapDecision(@NotNull GapStatus status, @Size(max = 4000) String note) {
    }

    @GET
    @Operation(summary = "Knowledge gaps, largest first, filtered by connector, status and the time they were seen")
    public PageOf<GapView> list(@QueryParam("connector") String connector,
            @Parameter(description = "open, dismissed or covered", schema = @Schema(implementation = GapStatus.class)) @QueryParam("status") String status,
            @Parameter(description = "seen at or after, ISO-8601", schema = @Schema(type = SchemaType.STRING, format = "date-time")) @QueryParam("from") String from,
            @Parameter(description = "seen before, ISO-8601", schema = @Schema(type = SchemaType.STRING, format = "date-time")) @QueryParam("to") String to,
            @Parameter(description = "from 0", schema = @Schema(type = SchemaType.INTEGER, minimum = "0", maximum = "1000000", defaultValue = "0")) @QueryParam("page") String page,
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200", defaultValue = "20")) @QueryParam("size") String size) {
        return gaps.list(new GapQuery(connector, QueryParameters.oneOf("status", status, GapStatus.class),
                QueryParameters.instant("from", from), QueryParameters.instant("to", to),
                Paging.page(page),
                QueryParameters.integer("size", size, PageSize.DEFAULT, 1, PageSize.MAX)));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One knowledge gap: its signature, counts, flows, first and last seen, and audited examples")
    public GapView one(@PathParam("id") UUID id) {
        return gaps.find(id).orElseThrow(() -> new NotFoundException("No knowledge gap " + id));
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Dismiss a gap with a note (status DISMISSED), or open it again (status OPEN)")
    public GapView decide(@PathParam("id") UUID id, @NotNull @Valid GapDecision decision) {
        if (decision.status() == GapStatus.COVERED) {
            throw new InvalidParameter("status", decision.status().name(),
                    "OPEN or DISMISSED (a gap is COVERED when a rule base explains its examples)");
        }
        return gaps.decide(id, decision.status(), decision.note())
                .orElseThrow(() -> new NotFoundException("No knowledge gap " + id));
    }

    @GET
    @Path("/{id}/scenario")
    @Produces(YAML)
    @Operation(summary = "A scenario skeleton of the gap's latest example in the scenarios' YAML, ready to paste")
    public String scenario(@PathParam("id") UUID id) {
        return scenarios.skeleton(id).orElseThrow(() -> new NotFoundException("No knowledge gap " + id + " with an example"));
    }
}
