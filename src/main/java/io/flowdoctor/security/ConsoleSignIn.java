package io.flowdoctor.security;

import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.flowdoctor.FlowDoctorConfig;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Checks the console's sign-in form. A configured user signs in with a password checked against its hash; out
 * of the box a person signs in with a role's name and an API key that carries that role, and gets that role
 * only (an API key with several roles still signs in as the one role named).
 */
@ApplicationScoped
public class ConsoleSignIn implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    private final FlowDoctorConfig.Console console;
    private final ApiKeys keys;

    public ConsoleSignIn(FlowDoctorConfig config, ApiKeys keys) {
        this.console = config.console();
        this.keys = keys;
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
            AuthenticationRequestContext context) {
        String name = request.getUsername();
        String password = new String(request.getPassword().getPassword());
        // PBKDF2 takes a noticeable time on purpose: off the event loop.
        return context.runBlocking(() -> signIn(name, password)
                .orElseThrow(() -> new AuthenticationFailedException("Wrong user name or password")));
    }

    private Optional<SecurityIdentity> signIn(String name, String password) {
        FlowDoctorConfig.Console.User user = console.users().get(name);
        if (user != null) {
            return PasswordHash.matches(password, user.passwordHash()) ? Optional.of(identity(name, user.roles()))
                    : Optional.empty();
        }
        if (console.apiKeySignIn() && Roles.ALL.contains(name)) {
            return keys.holderOf(password)
                    .filter(holder -> holder.roles().contains(name))
                    .map(holder -> identity(name, Set.of(name)));
        }
        return Optional.empty();
    }

    private static SecurityIdentity identity(String name, Set<String> roles) {
        return QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(name)).addRoles(roles).build();
    }
}
