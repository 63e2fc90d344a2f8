package io.flowdoctor.console;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import io.flowdoctor.FlowDoctorConfig;
import io.flowdoctor.history.CaseProblem;
import io.flowdoctor.history.CaseStatus;
import io.flowdoctor.history.EscalationService;
import io.flowdoctor.history.EscalationService.CaseView;
import io.flowdoctor.history.PageOf;
import io.flowdoctor.security.Roles;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;

/**
 * The escalation queue by status and age, and one case with its notes, which support acknowledges and resolves with a
 * note. A move the API would refuse with 409 is refused here too, with the same reason shown on the case.
 */
@Path("/console/cases")
@RolesAllowed({ Roles.SUPPORT, Roles.ANALYST })
@Produces("text/html")
public class CasesPage {

    /** As long as a note the API takes. */
    static final int NOTE_LIMIT = 4000;

    private final Pages pages;
    private final EscalationService escalations;
    private final int pageSize;
    private final Template list;
    private final Template one;
    private final Template panel;

    public CasesPage(Pages pages, EscalationService escalations, FlowDoctorConfig config,
            @Location("console/cases.html") Template list, @Location("console/case.html") Template one,
            @Location("console/case-panel.html") Template panel) {
        this.pages = pages;
        this.escalations = escalations;
        this.pageSize = config.console().pageSize();
        this.list = list;
        this.one = one;
        this.panel = panel;
    }

    @GET
    public Response list(@QueryParam("status") String status, @QueryParam("page") Integer page) {
        CaseStatus chosen = status(status);
        PageOf<CaseView> found = escalations.list(chosen, page == null || page < 0 ? 0 : page, pageSize);
        long pageCount = Math.max(1, (found.total() + pageSize - 1) / pageSize);
        String base = "/console/cases?" + (chosen == null ? "" : "status=" + chosen + "&") + "page=";
        Map<String, Object> data = new HashMap<>();
        data.put("page", found);
        data.put("status", chosen == null ? null : chosen.name());
        data.put("statuses", List.of(CaseStatus.values()).stream().map(Enum::name).toList());
        data.put("pages", pageCount);
        data.put("pageNumber", found.page() + 1L);
        data.put("previousPage", found.page() > 0 ? base + (found.page() - 1) : null);
        data.put("nextPage", found.page() + 1 < pageCount ? base + (found.page() + 1) : null);
        return pages.page(list, "cases", data);
    }

    @GET
    @Path("/{id}")
    public Response one(@PathParam("id") UUID id) {
        return pages.page(one, "cases", caseData(find(id), null, null));
    }

    /** A new status and/or a note, from the case's form (htmx swaps the case in with the outcome). */
    @POST
    @Path("/{id}")
    @RolesAllowed(Roles.SUPPORT)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response change(@PathParam("id") UUID id, @FormParam("status") String status, @FormParam("note") String note,
            @Context SecurityContext caller) {
        ConsoleMessages texts = pages.messages();
        if (note != null && note.length() > NOTE_LIMIT) {
            return pages.fragment(panel, 400, caseData(find(id), texts.case_note_too_long(NOTE_LIMIT), "error"));
        }
        CaseStatus next = status(status);
        if (next == null && (note == null || note.isBlank())) {
            return pages.fragment(panel, 400, caseData(find(id), texts.case_nothing_to_do(), "error"));
        }
        try {
            CaseView changed = escalations.change(id, next, note, caller.getUserPrincipal().getName());
            return pages.fragment(panel, 200, caseData(changed, texts.case_saved(), "ok"));
        } catch (CaseProblem problem) {
            if (problem.notFound()) {
                throw new NotFoundException(problem.getMessage());
            }
            return pages.fragment(panel, 409, caseData(find(id), texts.case_refused(problem.getMessage()), "error"));
        }
    }

    private CaseView find(UUID id) {
        try {
            return escalations.find(id);
        } catch (CaseProblem notFound) {
            throw new NotFoundException(notFound.getMessage());
        }
    }

    private static Map<String, Object> caseData(CaseView view, String message, String kind) {
        Map<String, Object> data = new HashMap<>();
        data.put("c", view);
        data.put("message", message);
        data.put("messageKind", kind);
        return data;
    }

    private static CaseStatus status(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return CaseStatus.valueOf(value.strip());
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }
}
