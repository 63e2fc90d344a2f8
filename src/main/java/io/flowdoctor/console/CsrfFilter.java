package io.flowdoctor.console;

import java.security.Principal;
import java.util.Set;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/**
 * Refuses every state-changing console request that does not carry the CSRF token of the signed-in user's pages
 * (see {@link CsrfTokens}): 403 with a problem, or, for htmx, with a message shown where the page shows its
 * messages.
 */
public class CsrfFilter {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    private final CsrfTokens tokens;
    private final Template message;

    public CsrfFilter(CsrfTokens tokens, @Location("console/message.html") Template message) {
        this.tokens = tokens;
        this.message = message;
    }

    @ServerRequestFilter
    public Response check(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (SAFE.contains(request.getMethod()) || !(path.equals("/console") || path.startsWith("/console/"))) {
            return null;
        }
        Principal user = request.getSecurityContext().getUserPrincipal();
        Cookie nonce = request.getCookies().get(CsrfTokens.COOKIE);
        if (user != null && nonce != null
                && tokens.valid(request.getHeaderString(CsrfTokens.HEADER), user.getName(), nonce.getValue())) {
            return null;
        }
        if (request.getHeaderString("HX-Request") != null) {
            Cookie lang = request.getCookies().get(ConsoleLanguage.COOKIE);
            String language = ConsoleLanguage.of(null, lang == null ? null : lang.getValue(),
                    request.getHeaderString("Accept-Language"));
            String text = MessageBundles.get(ConsoleMessages.class, Localized.Literal.of(language)).csrf_refused();
            return Response.status(403).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .header("HX-Retarget", "#messages").header("HX-Reswap", "innerHTML")
                    .entity(message.data("kind", "error").data("text", text).render()).build();
        }
        return Response.status(403).type("application/problem+json")
                .entity("{\"type\":\"https://flowdoctor.io/problems/csrf\",\"title\":\"Forbidden\",\"status\":403,"
                        + "\"detail\":\"The form's CSRF token is missing or does not match; reload the page and try again\"}")
                .build();
    }
}
