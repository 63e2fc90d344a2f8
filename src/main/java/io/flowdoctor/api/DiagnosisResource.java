package io.flowdoctor.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import io.flowdoctor.diagnosis.Diagnosis;
import io.flowdoctor.intake.DiagnosisIntake;
import io.flowdoctor.intake.IdempotencyKey;
import io.flowdoctor.knowledge.Language;
import io.flowdoctor.security.Roles;

/** Diagnoses failed flow runs. */
@Path("/api/v1/diagnoses")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class DiagnosisResource {

    private final DiagnosisIntake intake;

    public DiagnosisResource(DiagnosisIntake intake) {
        this.intake = intake;
    }

    @POST
    @RolesAllowed(Roles.SERVICE)
    @Operation(summary = "Diagnose a failed run: category, repair tips, resubmit advice and escalation")
    public Diagnosis diagnose(@NotNull @Valid DiagnosisRequest request,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage,
            @Parameter(description = "Add, per fired rule, the facts it matched and what it concluded") @QueryParam("explain") boolean explain,
            @Parameter(description = "Names the request: sent again, it gets the same diagnosis and is not counted again. "
                    + "Without it, the run id and the failing step name it") @HeaderParam(IdempotencyKey.HEADER) String idempotencyKey) {
        return intake.diagnose(request.toRunReport(), Language.resolve(request.locale(), acceptLanguage), explain,
                idempotencyKey);
    }
}
