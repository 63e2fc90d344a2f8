package io.flowdoctor.api;

import java.util.List;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * The OpenAPI document as the running service is: each operation's description names the roles it needs (Quarkus
 * lists them as the scopes of its API-key requirement, which Swagger UI does not show) and carries them as
 * {@code x-roles}; an endpoint switched off by configuration is not listed. Runs once at start-up, with the
 * configuration the service runs with.
 */
@OpenApiFilter(OpenApiFilter.RunStage.RUNTIME_STARTUP)
public class OpenApiRoles implements OASFilter {

    static final String BENCH_ECHO = "/bench/echo";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        boolean echoEnabled = ConfigProvider.getConfig().getOptionalValue("flowdoctor.bench.echo-enabled", Boolean.class)
                .orElse(false);
        if (!echoEnabled && openAPI.getPaths() != null) {
            openAPI.getPaths().removePathItem(BENCH_ECHO);
        }
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (PathItem path : openAPI.getPaths().getPathItems().values()) {
            path.getOperations().values().forEach(OpenApiRoles::describeRoles);
        }
    }

    private static void describeRoles(Operation operation) {
        List<String> roles = operation.getSecurity() == null ? List.of()
                : operation.getSecurity().stream().map(SecurityRequirement::getSchemes).filter(schemes -> schemes != null)
                        .flatMap(schemes -> schemes.values().stream()).flatMap(List::stream).distinct().toList();
        if (roles.isEmpty()) {
            return;
        }
        String needs = "Roles: " + String.join(" or ", roles) + " (an API key in the X-API-Key header, or a bearer token,"
                + " that carries one of them).";
        String description = operation.getDescription();
        operation.setDescription(description == null || description.isBlank() ? needs : description + "\n\n" + needs);
        operation.addExtension("x-roles", roles);
    }
}
