package io.flowdoctor.api;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
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
            @Parameter(description = "a category", schema = @Schema(implementation = Category.class)) @QueryParam("category") String category,
            @QueryParam("ruleId") String ruleId,
            @Parameter(description = "an escalation level", schema = @Schema(implementation = EscalationLevel.class)) @QueryParam("escalation") String escalation,
            @Parameter(description = "failed at or after, ISO-8601", schema = @Schema(type = SchemaType.STRING, format = "date-time")) @QueryParam("from") String from,
            @Parameter(description = "failed before, ISO-8601", schema = @Schema(type = SchemaType.STRING, format = "date-time")) @QueryParam("to") String to,
            @Parameter(description = "from 0", schema = @Schema(type = SchemaType.INTEGER, minimum = "0", maximum = "1000000", defaultValue = "0")) @QueryParam("page") String page,
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200", defaultValue = "20")) @QueryParam("size") String size) {
        return audit.list(new AuditQuery(flowId, name(QueryParameters.oneOf("category", category, Category.class)), ruleId,
                name(QueryParameters.oneOf("escalation", escalation, EscalationLevel.class)),
                QueryParameters.instant("from", from), QueryParameters.instant("to", to),
                Paging.page(page),
                QueryParameters.integer("size", size, PageSize.DEFAULT, 1, PageSize.MAX)));
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    @GET
    @Path("/export")
    @Produces(JSON_LINES)
    @Operation(summary = "The latest diagnoses that can be replayed, newest first, as JSON lines: what each read "
            + "(input) and answered (answer); for ./check-rules --replay FILE")
    public StreamingOutput export(
            @Parameter(description = "How many; default and bound in flowdoctor.replay.*", schema = @Schema(type = SchemaType.INTEGER, minimum = "1")) @QueryParam("last") String last) {
        int bounded = Math.min(QueryParameters.integer("last", last, config.replay().defaultFailures(), 1, Integer.MAX_VALUE),
                config.replay().maxFailures());
        return out -> audit.export(bounded, out);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One audited diagnosis in full: request summary, fired rules and the answer as given")
    public AuditService.Detail one(@PathParam("id") UUID id) {
        return audit.find(id).orElseThrow(() -> new NotFoundException("No diagnosis " + id));
    }
}
