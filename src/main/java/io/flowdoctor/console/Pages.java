package io.flowdoctor.console;

import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import io.flowdoctor.security.Roles;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;

/**
 * Renders console pages for the current request: in its language, with the signed-in user, and with the CSRF token
 * that htmx sends back on every state-changing request (the nonce cookie is made here when the browser has none).
 */
@RequestScoped
public class Pages {

    static final MediaType HTML = MediaType.TEXT_HTML_TYPE.withCharset("UTF-8");

    /**
     * htmx settings: no inline indicator styles and no eval, so the Content-Security-Policy needs neither; 403 and 409
     * answers are swapped in, since they carry a message for the reader.
     */
    private static final String HTMX_CONFIG = "{\"includeIndicatorStyles\":false,\"allowEval\":false,"
            + "\"allowScriptTags\":false,\"responseHandling\":[{\"code\":\"204\",\"swap\":false},"
            + "{\"code\":\"[23]..\",\"swap\":true},{\"code\":\"40[39]\",\"swap\":true,\"error\":false},"
            + "{\"code\":\"[45]..\",\"swap\":false,\"error\":true}]}";

    private final RoutingContext routing;
    private final SecurityIdentity identity;
    private final CsrfTokens tokens;
    private String nonce;
    private boolean newNonce;

    public Pages(RoutingContext routing, SecurityIdentity identity, CsrfTokens tokens) {
        this.routing = routing;
        this.identity = identity;
        this.tokens = tokens;
    }

    /** The language of this request's pages: en or nl. */
    public String language() {
        Cookie cookie = routing.request().getCookie(ConsoleLanguage.COOKIE);
        return ConsoleLanguage.of(routing.request().getParam(ConsoleLanguage.PARAMETER),
                cookie == null ? null : cookie.getValue(), routing.request().getHeader("Accept-Language"));
    }

    public ConsoleMessages messages() {
        return MessageBundles.get(ConsoleMessages.class, Localized.Literal.of(language()));
    }

    public boolean isSupport() {
        return identity.hasRole(Roles.SUPPORT);
    }

    /** A whole page; nav names the menu entry it belongs to. */
    public Response page(Template template, String nav, Map<String, Object> data) {
        return respond(200, prepare(template.instance(), data).data("nav", nav));
    }

    /** A part of a page that htmx swaps in. */
    public Response fragment(Template template, int status, Map<String, Object> data) {
        return respond(status, prepare(template.instance(), data));
    }

    private TemplateInstance prepare(TemplateInstance instance, Map<String, Object> data) {
        String language = language();
        data.forEach(instance::data);
        return instance.setLocale(Locale.forLanguageTag(language))
                .data("lang", language)
                .data("otherLang", language.equals("nl") ? "en" : "nl")
                .data("user", identity.isAnonymous() ? null : identity.getPrincipal().getName())
                .data("support", isSupport())
                .data("csrfHeaders", "{\"" + CsrfTokens.HEADER + "\":\"" + csrfToken() + "\"}")
                .data("htmxConfig", HTMX_CONFIG);
    }

    private String csrfToken() {
        if (nonce == null) {
            Cookie cookie = routing.request().getCookie(CsrfTokens.COOKIE);
            newNonce = cookie == null || cookie.getValue().isBlank();
            nonce = newNonce ? tokens.newNonce() : cookie.getValue();
        }
        return identity.isAnonymous() ? "" : tokens.token(identity.getPrincipal().getName(), nonce);
    }

    private Response respond(int status, TemplateInstance instance) {
        Response.ResponseBuilder response = Response.status(status).type(HTML).entity(instance.render())
                .header("Cache-Control", "no-store");
        if (newNonce) {
            response.cookie(cookie(CsrfTokens.COOKIE, nonce));
        }
        String chosen = routing.request().getParam(ConsoleLanguage.PARAMETER);
        if (chosen != null && !chosen.isBlank()) {
            response.cookie(cookie(ConsoleLanguage.COOKIE, language()));
        }
        return response.build();
    }

    private NewCookie cookie(String name, String value) {
        return new NewCookie.Builder(name).value(value).path("/console").httpOnly(true)
                .secure(routing.request().isSSL()).sameSite(NewCookie.SameSite.STRICT).build();
    }
}
