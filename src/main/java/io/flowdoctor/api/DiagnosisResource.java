package io.flowdoctor.api;

import jakarta.annotation.security.RolesAllowed;
import io.flowdoctor.security.Roles;
import io.flowdoctor.diagnosis.Diagnosis;
import io.flowdoctor.diagnosis.DiagnosisService;
import io.flowdoctor.knowledge.Language;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import io.flowdoctor.diagnosis.Category;
import io.flowdoctor.diagnosis.EscalationLevel;
import io.flowdoctor.history.AuditQuery;
import io.flowdoctor.history.AuditService;
import io.flowdoctor.history.PageOf;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import java.time.Instant;
import java.util.UUID;

/** Diagnoses failed flow runs, and shows the audit of past diagnoses. */
@Path("/api/v1/diagnoses")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class DiagnosisResource {

    private final DiagnosisService service;

    public DiagnosisResource(DiagnosisService service) {
        this.service = service;
    }

    @POST
    @RolesAllowed(Roles.SERVICE)
    @Operation(summary = "Diagnose a failed run: category, repair tips, resubmit advice and escalation")
    public Diagnosis diagnose(@NotNull @Valid DiagnosisRequest request,
                              @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage,
                              @Parameter(description = "Add, per fired rule, the facts it matched and what it concluded")
                              @QueryParam("explain") boolean explain) {
        return service.diagnose(request.toRunReport(), Language.resolve(request.locale(), acceptLanguage), explain);
    }

    @GET
    @RolesAllowed(Roles.SUPPORT)
    @Operation(summary = "The audit: diagnoses, newest first, filtered by flow, category, rule, escalation and failure time")
    public PageOf<AuditService.Summary> audit(@QueryParam("flowId") String flowId,
                                              @QueryParam("category") Category category,
                                              @QueryParam("ruleId") String ruleId,
                                              @QueryParam("escalation") EscalationLevel escalation,
                                              @Parameter(description = "failed at or after, ISO-8601") @QueryParam("from") Instant from,
                                              @Parameter(description = "failed before, ISO-8601") @QueryParam("to") Instant to,
                                              @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                              @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        return service.audit(new AuditQuery(flowId, category == null ? null : category.name(), ruleId,
                escalation == null ? null : escalation.name(), from, to, page, size));
    }

    @GET
    @RolesAllowed(Roles.SUPPORT)
    @Path("/{id}")
    @Operation(summary = "One audited diagnosis in full: request summary, fired rules and the answer as given")
    public AuditService.Detail audited(@PathParam("id") UUID id) {
        return service.audited(id).orElseThrow(() -> new NotFoundException("No diagnosis " + id));
    }
}
