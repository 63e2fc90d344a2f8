package io.flowdoctor.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.flowdoctor.FlowDoctorConfig;
import io.flowdoctor.security.Roles;

/**
 * The HTTP benchmark's baseline: reads a diagnosis request and writes it back, so the same JSON costs
 * the same parsing and writing as a diagnosis without the diagnosis. Answers 404 unless
 * {@code flowdoctor.bench.echo-enabled} is on. It asks for the same role as a diagnosis, so that both
 * pay for the same authentication.
 */
@Path("/bench/echo")
@RolesAllowed(Roles.SERVICE)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class BenchEchoResource {

    private final FlowDoctorConfig config;

    public BenchEchoResource(FlowDoctorConfig config) {
        this.config = config;
    }

    @POST
    @Operation(summary = "Benchmark baseline: returns the diagnosis request it was sent (only when enabled)")
    public DiagnosisRequest echo(DiagnosisRequest request) {
        if (!config.bench().echoEnabled()) {
            throw new NotFoundException();
        }
        return request;
    }
}
