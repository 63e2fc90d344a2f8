package io.flowdoctor.api;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.flowdoctor.intake.RepairTipsPreview;
import io.flowdoctor.notify.ControlCharacters;
import io.flowdoctor.notify.RenderedEmail;
import io.flowdoctor.security.Roles;

/** The repair-tips e-mail of a diagnosis, exactly as the owner receives it. */
@Path("/api/v1/diagnoses/{id}/email")
@RolesAllowed({ Roles.SUPPORT, Roles.ANALYST })
public class EmailPreviewResource {

    private final RepairTipsPreview preview;

    public EmailPreviewResource(RepairTipsPreview preview) {
        this.preview = preview;
    }

    @GET
    @Operation(summary = "The e-mail as HTML, or as plain text with ?format=text; the subject in the X-Email-Subject header")
    public Response email(@PathParam("id") UUID id, @QueryParam("format") String format) {
        RenderedEmail email = preview.of(id).orElseThrow(() -> new NotFoundException("No diagnosis " + id));
        boolean text = "text".equalsIgnoreCase(format);
        return Response.ok(text ? email.text() : email.html())
                .type((text ? MediaType.TEXT_PLAIN : MediaType.TEXT_HTML) + ";charset=UTF-8")
                // An e-mail queued before line breaks were refused may hold one; a header must not.
                .header("X-Email-Subject", ControlCharacters.oneLine(email.subject()))
                .build();
    }
}
