package io.flowdoctor.api;

import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import io.flowdoctor.knowledge.Precedence;
import io.flowdoctor.lifecycle.ReloadOutcome;
import io.flowdoctor.lifecycle.Replays;
import io.flowdoctor.lifecycle.Replays.ReplayView;
import io.flowdoctor.lifecycle.RuleBaseManager;
import io.flowdoctor.lifecycle.RuleBaseStatus;
import io.flowdoctor.lifecycle.RuleCatalog;
import io.flowdoctor.security.Roles;

/** The rule base for analysts: its rules, its status, and reloading it from the files. */
@Path("/api/v1/rules")
@RolesAllowed(Roles.ANALYST)
@Produces(MediaType.APPLICATION_JSON)
public class RulesResource {

    private final RuleCatalog catalog;
    private final RuleBaseManager manager;
    private final Replays replays;

    public RulesResource(RuleCatalog catalog, RuleBaseManager manager, Replays replays) {
        this.catalog = catalog;
        this.manager = manager;
        this.replays = replays;
    }

    @GET
    @Operation(summary = "Every rule: id, name, file, family, what it can conclude, fire count since start, and how "
            + "its advice and tips fared: given, recoveries after, median time to recovery, repeats after")
    public List<RuleCatalog.Entry> catalog() {
        return catalog.entries();
    }

    @GET
    @Path("/precedence")
    @Operation(summary = "The precedence table of the serving rule base: which specificity, category, resubmit advice "
            + "and escalation level wins when rules disagree (first wins)")
    public Precedence precedence() {
        return catalog.precedence();
    }

    @GET
    @Path("/status")
    @Operation(summary = "The version serving, the previous one, the last rejected attempt with its errors, and the "
            + "replay of the last reload: which answers to stored failures it changed")
    public RuleBaseStatus status() {
        return manager.status();
    }

    @POST
    @Path("/reload")
    @Operation(summary = "Compile the rule files and run every scenario; the new version serves only if all pass. "
            + "422 when the attempt was rejected (the serving version stays)")
    public CompletionStage<Response> reload() {
        return manager.reload().thenApply(outcome -> Response
                .status(outcome.result() == ReloadOutcome.Result.REJECTED ? 422 : 200)
                .entity(outcome)
                .build());
    }

    @POST
    @Path("/replay")
    @Operation(summary = "What-if: compile the rules (or the configured candidate directory) without activating them, "
            + "diagnose the latest stored failures with the serving and the candidate version, and report every answer "
            + "that would change. 202 with the replay; follow Location for its progress and report")
    public Response replay(@Parameter(description = "How many of the latest stored failures; default and bound in "
            + "flowdoctor.replay.*", schema = @Schema(type = SchemaType.INTEGER, minimum = "1")) @QueryParam("failures") String failures) {
        ReplayView started = replays.start(
                failures == null ? null : QueryParameters.integer("failures", failures, 0, 1, Integer.MAX_VALUE));
        return Response.accepted(started).location(URI.create("/api/v1/rules/replay/" + started.id())).build();
    }

    @GET
    @Path("/replay/{id}")
    @Operation(summary = "A replay: its state and progress, and its report once done")
    public ReplayView replayStatus(@PathParam("id") UUID id) {
        return replays.find(id).orElseThrow(() -> new NotFoundException("No replay " + id));
    }
}
