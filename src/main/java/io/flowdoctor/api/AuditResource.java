package io.flowdoctor.api;

import java.time.Instant;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.StreamingOutput;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import io.flowdoctor.FlowDoctorConfig;
import io.flowdoctor.diagnosis.Category;
import io.flowdoctor.diagnosis.EscalationLevel;
import io.flowdoctor.history.AuditQuery;
import io.flowdoctor.history.AuditService;
import io.flowdoctor.history.PageOf;
import io.flowdoctor.security.Roles;

/** The audit of past diagnoses, for the support team: what was asked, what was answered, which rules fired. */
@Path("/api/v1/diagnoses")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.SUPPORT)
public class AuditResource {

    static final String JSON_LINES = "application/x-ndjson";

    private final AuditService audit;
    private final FlowDoctorConfig config;

    public AuditResource(AuditService audit, FlowDoctorConfig config) {
        this.audit = audit;
        this.config = config;
    }

    @GET
    @Operation(summary = "The audit: diagnoses, newest first, filtered by flow, category, rule, escalation and failure time")
    public PageOf<AuditService.Summary> list(@QueryParam("flowId") String flowId,
            @QueryParam("category") Category category,
            @QueryParam("ruleId") String ruleId,
            @QueryParam("escalation") EscalationLevel escalation,
            @Parameter(description = "failed at or after, ISO-8601") @QueryParam("from") Instant from,
            @Parameter(description = "failed before, ISO-8601") @QueryParam("to") Instant to,
            @Parameter(description = "from 0", schema = @Schema(type = SchemaType.INTEGER, minimum = "0", maximum = "1000000")) @QueryParam("page") String page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        return audit.list(new AuditQuery(flowId, category == null ? null : category.name(), ruleId,
                escalation == null ? null : escalation.name(), from, to, Paging.page(page), size));
    }

    @GET
    @Path("/export")
    @Produces(JSON_LINES)
    @Operation(summary = "The latest diagnoses that can be replayed, newest first, as JSON lines: what each read "
            + "(input) and answered (answer); for ./check-rules --replay FILE")
    public StreamingOutput export(
            @Parameter(description = "How many; default and bound in flowdoctor.replay.*") @QueryParam("last") @Min(1) @Max(1_000_000) Integer last) {
        int bounded = Math.min(last == null ? config.replay().defaultFailures() : last, config.replay().maxFailures());
        return out -> audit.export(bounded, out);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One audited diagnosis in full: request summary, fired rules and the answer as given")
    public AuditService.Detail one(@PathParam("id") UUID id) {
        return audit.find(id).orElseThrow(() -> new NotFoundException("No diagnosis " + id));
    }
}
