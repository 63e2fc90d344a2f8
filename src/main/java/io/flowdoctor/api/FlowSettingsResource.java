package io.flowdoctor.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.flowdoctor.FlowDoctorConfig;
import io.flowdoctor.notify.EmailSettings;
import io.flowdoctor.notify.EmailSettings.FlowSettings;
import io.flowdoctor.security.Roles;

/** A flow's settings: whether its owner receives repair-tips e-mails. */
@Path("/api/v1/flows/{flowId}/settings")
@RolesAllowed(Roles.SERVICE)
@Produces(MediaType.APPLICATION_JSON)
public class FlowSettingsResource {

    private final EmailSettings settings;
    private final FlowDoctorConfig config;

    public FlowSettingsResource(EmailSettings settings, FlowDoctorConfig config) {
        this.settings = settings;
        this.config = config;
    }

    /** The settings a caller may change. */
    public record SettingsChange(@NotNull Boolean repairTipsEmail) {
    }

    @GET
    @Operation(summary = "The flow's settings")
    public FlowSettings get(@PathParam("flowId") String flowId) {
        return settings.get(InvalidParameter.flowId(flowId, config.limits().maxFieldLength()));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Switch the flow's repair-tips e-mails on or off")
    public FlowSettings put(@PathParam("flowId") String flowId, @NotNull @Valid SettingsChange change) {
        return settings.set(InvalidParameter.flowId(flowId, config.limits().maxFieldLength()), change.repairTipsEmail());
    }
}
