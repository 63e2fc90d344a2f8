package io.flowdoctor.console;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import io.flowdoctor.FlowDoctorConfig;
import io.flowdoctor.diagnosis.Category;
import io.flowdoctor.diagnosis.EscalationLevel;
import io.flowdoctor.history.AuditQuery;
import io.flowdoctor.history.AuditService;
import io.flowdoctor.history.PageOf;
import io.flowdoctor.intake.RepairTipsPreview;
import io.flowdoctor.notify.RenderedEmail;
import io.flowdoctor.security.Roles;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;

/** The audit, filtered and paged (htmx swaps the table), and one diagnosis with everything that explains it. */
@Path("/console/diagnoses")
@RolesAllowed({ Roles.SUPPORT, Roles.ANALYST })
@Produces("text/html")
public class DiagnosesPage {

    private final Pages pages;
    private final AuditService audit;
    private final DiagnosisView views;
    private final RepairTipsPreview emails;
    private final int pageSize;
    private final Template list;
    private final Template table;
    private final Template one;

    public DiagnosesPage(Pages pages, AuditService audit, DiagnosisView views, RepairTipsPreview emails,
            FlowDoctorConfig config,
            @Location("console/diagnoses.html") Template list, @Location("console/diagnoses-table.html") Template table,
            @Location("console/diagnosis.html") Template one) {
        this.pages = pages;
        this.audit = audit;
        this.views = views;
        this.emails = emails;
        this.pageSize = config.console().pageSize();
        this.list = list;
        this.table = table;
        this.one = one;
    }

    @GET
    public Response list(@QueryParam("flowId") String flowId, @QueryParam("category") String category,
            @QueryParam("ruleId") String ruleId, @QueryParam("escalation") String escalation,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("page") Integer page,
            @HeaderParam("HX-Request") String htmx) {
        LocalDate fromDate = date(from);
        LocalDate toDate = date(to);
        AuditQuery query = new AuditQuery(blankToNull(flowId), known(category, Category.class), blankToNull(ruleId),
                known(escalation, EscalationLevel.class),
                fromDate == null ? null : fromDate.atStartOfDay().toInstant(ZoneOffset.UTC),
                toDate == null ? null : toDate.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC),
                page == null || page < 0 ? 0 : page, pageSize);
        Map<String, Object> data = tableData(audit.list(query), query, "/console/diagnoses");
        data.put("filter", query);
        data.put("fromDate", fromDate);
        data.put("toDate", toDate);
        data.put("categories", List.of(Category.values()).stream().map(Enum::name).toList());
        data.put("escalations", List.of(EscalationLevel.values()).stream().map(Enum::name).toList());
        return htmx != null ? pages.fragment(table, 200, data) : pages.page(list, "diagnoses", data);
    }

    @GET
    @Path("/{id}")
    public Response one(@PathParam("id") UUID id) {
        return pages.page(one, "diagnoses", views.of(id).orElseThrow(() -> new NotFoundException("No diagnosis " + id)));
    }

    /** The repair-tips e-mail as its owner received it (or would), as the HTML part. */
    @GET
    @Path("/{id}/email")
    public Response email(@PathParam("id") UUID id) {
        RenderedEmail email = emails.of(id).orElseThrow(() -> new NotFoundException("No diagnosis " + id));
        return Response.ok(email.html(), Pages.HTML).header("Cache-Control", "no-store").build();
    }

    /** The rows of a page of the audit and the links to its neighbours, with the same filters. */
    static Map<String, Object> tableData(PageOf<AuditService.Summary> found, AuditQuery query, String path) {
        Map<String, Object> data = new HashMap<>();
        long pages = Math.max(1, (found.total() + found.size() - 1) / found.size());
        data.put("page", found);
        data.put("pages", pages);
        data.put("pageNumber", found.page() + 1L);
        data.put("previousPage", found.page() > 0 ? link(path, query, found.page() - 1) : null);
        data.put("nextPage", found.page() + 1 < pages ? link(path, query, found.page() + 1) : null);
        return data;
    }

    private static String link(String path, AuditQuery query, int page) {
        StringBuilder link = new StringBuilder(path).append("?page=").append(page);
        parameter(link, "flowId", path.startsWith("/console/flows/") ? null : query.flowId());
        parameter(link, "category", query.category());
        parameter(link, "ruleId", query.ruleId());
        parameter(link, "escalation", query.escalationLevel());
        parameter(link, "from", query.from() == null ? null : LocalDate.ofInstant(query.from(), ZoneOffset.UTC).toString());
        parameter(link, "to", query.to() == null ? null
                : LocalDate.ofInstant(query.to(), ZoneOffset.UTC).minusDays(1).toString());
        return link.toString();
    }

    private static void parameter(StringBuilder link, String name, String value) {
        if (value != null) {
            link.append('&').append(name).append('=').append(TemplateFormats.urlPart(value));
        }
    }

    private static LocalDate date(String value) {
        try {
            return value == null || value.isBlank() ? null : LocalDate.parse(value.strip());
        } catch (DateTimeParseException notADate) {
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The name of a known constant, or null (any) for an empty or unknown one. */
    private static <E extends Enum<E>> String known(String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT)).name();
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }
}
