package io.flowdoctor.api;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.flowdoctor.notify.EmailSettings;

/**
 * The unsubscribe link of every repair-tips e-mail, which works without logging in. GET only shows a page
 * that asks to confirm, because mail scanners and link previews follow links; POST (the page's button, or
 * a mail client's one-click unsubscribe, RFC 8058) switches the e-mails off. Neither shows the owner's
 * address. A forged, altered, expired or superseded link is refused with 400 problem+json.
 */
@Path("/api/v1/unsubscribe")
@PermitAll
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class UnsubscribeResource {

    private final EmailSettings settings;

    public UnsubscribeResource(EmailSettings settings) {
        this.settings = settings;
    }

    @GET
    @Operation(summary = "A page that asks to confirm stopping the repair-tips e-mails of the flow the signed token names; changes nothing")
    public String confirm(@QueryParam("token") String token) {
        return UnsubscribePages.confirm(settings.check(token).flowId(), token);
    }

    @POST
    @Operation(summary = "Stop the repair-tips e-mails of the flow the signed token names (also RFC 8058 one-click)")
    public String unsubscribe(@QueryParam("token") String token) {
        return UnsubscribePages.done(settings.unsubscribe(token).flowId());
    }
}
