package io.flowdoctor.console;

import java.util.HashMap;
import java.util.Map;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;

/** The sign-in form (checked by Quarkus form authentication at /console/j_security_check) and signing out. */
@Path("/console")
@Produces("text/html")
public class SignInPage {

    private final Pages pages;
    private final Template login;
    private final String sessionCookie;

    public SignInPage(Pages pages, @Location("console/login.html") Template login,
            @ConfigProperty(name = "quarkus.http.auth.form.cookie-name") String sessionCookie) {
        this.pages = pages;
        this.login = login;
        this.sessionCookie = sessionCookie;
    }

    @GET
    @Path("/login")
    @PermitAll
    public Response form(@QueryParam("error") boolean error) {
        Map<String, Object> data = new HashMap<>();
        data.put("error", error);
        return pages.page(login, "login", data);
    }

    /** Forgets the session in this browser; htmx follows the redirect to the sign-in form. */
    @POST
    @Path("/logout")
    @PermitAll
    public Response signOut() {
        return Response.ok().header("HX-Redirect", "/console/login")
                .cookie(expired(sessionCookie), expired(CsrfTokens.COOKIE)).build();
    }

    private static NewCookie expired(String name) {
        return new NewCookie.Builder(name).value("").path("/console").maxAge(0).httpOnly(true)
                .sameSite(NewCookie.SameSite.STRICT).build();
    }
}
