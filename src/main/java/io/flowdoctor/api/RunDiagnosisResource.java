package io.flowdoctor.api;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import com.fasterxml.jackson.databind.JsonNode;

import io.flowdoctor.diagnosis.Diagnosis;
import io.flowdoctor.intake.DiagnosisIntake;
import io.flowdoctor.intake.IdempotencyKey;
import io.flowdoctor.knowledge.Language;
import io.flowdoctor.runs.RunPayload;
import io.flowdoctor.runs.Shape;
import io.flowdoctor.security.Roles;

/** Diagnoses failed runs sent as the platforms produce them, without a converter on the caller's side. */
@Path("/api/v1/runs/diagnoses")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class RunDiagnosisResource {

    private final RunPayloadRequests requests;
    private final DiagnosisIntake intake;

    public RunDiagnosisResource(RunPayloadRequests requests, DiagnosisIntake intake) {
        this.requests = requests;
        this.intake = intake;
    }

    @POST
    @RolesAllowed(Roles.SERVICE)
    @Operation(summary = "Diagnose a failed run sent as Power Automate or Logic Apps produce it", description = """
            The shape is recognised from the body:
            - `{"workflow": workflow(), "result": result('Try')}` from a Power Automate catch scope (optional `locale` and \
            `owner` beside them): flow id, run id, environment and name come from workflow();
            - a bare `result()` array, with the flow's id as the query parameter `flowId`;
            - `{"value": [...]}`, the Logic Apps management API's Workflow Run Actions - List;
            - `{"records": [...]}`, Logic Apps WorkflowRuntime resource logs as Azure Monitor sends them to an event hub.

            Only actions that failed or timed out are read. The first three shapes hold one run and are answered with its \
            diagnosis, as POST /api/v1/diagnoses answers. Records are answered with a JSON array: one diagnosis per run \
            among the failed `workflowActionCompleted` records, in the order the runs first appear, and `[]` when none \
            failed. Records of one run may arrive in separate bodies, so each failed action record is diagnosable alone; \
            a scope's or loop's `ActionFailed` record (an action inside it failed, whose own record says why) and a \
            run's completion are left out. A body of no known shape, or one that breaks a limit of a v1 request, is \
            refused with 400 problem+json whose `field` is the JSON pointer of the offending value (`/result/0/name`).""")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT, description = "A platform payload"), examples = {
            @ExampleObject(name = "power-automate", summary = "workflow() and result('Try') from a catch scope", value = RunPayloadExamples.POWER_AUTOMATE),
            @ExampleObject(name = "result-array", summary = "A bare result() array (with ?flowId=...)", value = RunPayloadExamples.RESULT_ARRAY),
            @ExampleObject(name = "run-actions", summary = "Logic Apps: Workflow Run Actions - List", value = RunPayloadExamples.RUN_ACTIONS),
            @ExampleObject(name = "workflow-runtime-records", summary = "Logic Apps: WorkflowRuntime records", value = RunPayloadExamples.RECORDS) }))
    @APIResponse(responseCode = "200", description = "The diagnosis of the run; for records, an array of diagnoses", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(oneOf = {
            Diagnosis.class,
            Diagnosis[].class })))
    @APIResponse(responseCode = "400", description = "No known shape, or a value that cannot be read; field is its JSON pointer", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Object diagnose(@NotNull JsonNode body,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage,
            @Parameter(description = "The flow of a bare result() array, which does not name it") @QueryParam("flowId") String flowId,
            @Parameter(description = "Add, per fired rule, the facts it matched and what it concluded") @QueryParam("explain") boolean explain,
            @Parameter(description = "Names the request, as for POST /api/v1/diagnoses; for records, per run") @HeaderParam(IdempotencyKey.HEADER) String idempotencyKey) {
        List<RunPayload> runs = requests.read(body, flowId);
        List<Diagnosis> diagnoses = runs.stream().map(run -> intake.diagnose(run.report(),
                Language.resolve(run.locale(), acceptLanguage), explain,
                idempotencyKey == null || runs.size() == 1 ? idempotencyKey : idempotencyKey + "/" + run.report().runId()))
                .toList();
        return runs.isEmpty() || runs.get(0).shape() == Shape.LOGIC_APPS_DIAGNOSTIC_RECORDS ? diagnoses : diagnoses.get(0);
    }
}
