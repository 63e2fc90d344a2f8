package io.flowdoctor.security;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.flowdoctor.FlowDoctorConfig;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * The identity behind a console session cookie, which holds only the user name: a configured user's roles, or the
 * one role a role name signed in with. A user removed from the configuration loses the session.
 */
@ApplicationScoped
public class ConsoleSessionIdentity implements IdentityProvider<TrustedAuthenticationRequest> {

    private final FlowDoctorConfig.Console console;

    public ConsoleSessionIdentity(FlowDoctorConfig config) {
        this.console = config.console();
    }

    @Override
    public Class<TrustedAuthenticationRequest> getRequestType() {
        return TrustedAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request, AuthenticationRequestContext context) {
        String name = request.getPrincipal();
        FlowDoctorConfig.Console.User user = console.users().get(name);
        Set<String> roles = user != null ? user.roles()
                : console.apiKeySignIn() && Roles.ALL.contains(name) ? Set.of(name) : null;
        if (roles == null) {
            return Uni.createFrom().failure(new AuthenticationFailedException("Unknown console user"));
        }
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(name))
                .addRoles(roles).build());
    }
}
