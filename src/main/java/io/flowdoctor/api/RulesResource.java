package io.flowdoctor.api;

import java.util.List;
import java.util.concurrent.CompletionStage;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.flowdoctor.knowledge.Precedence;
import io.flowdoctor.lifecycle.ReloadOutcome;
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

    public RulesResource(RuleCatalog catalog, RuleBaseManager manager) {
        this.catalog = catalog;
        this.manager = manager;
    }

    @GET
    @Operation(summary = "Every rule: id, name, file, family, what it can conclude, fire count since start")
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
    @Operation(summary = "The version serving, the previous one, and the last rejected attempt with its errors")
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
}
