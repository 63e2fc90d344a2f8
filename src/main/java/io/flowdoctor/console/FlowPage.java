package io.flowdoctor.console;

import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import io.flowdoctor.FlowDoctorConfig;
import io.flowdoctor.history.AuditQuery;
import io.flowdoctor.history.AuditService;
import io.flowdoctor.history.IncidentService;
import io.flowdoctor.security.Roles;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;

/** One flow: its diagnoses, its current incident and whether its owner receives repair-tips e-mails. */
@Path("/console/flows/{flowId}")
@RolesAllowed({ Roles.SUPPORT, Roles.ANALYST })
@Produces("text/html")
public class FlowPage {

    private final Pages pages;
    private final AuditService audit;
    private final IncidentService incidents;
    private final int pageSize;
    private final Template flow;
    private final Template table;

    public FlowPage(Pages pages, AuditService audit, IncidentService incidents, FlowDoctorConfig config,
            @Location("console/flow.html") Template flow, @Location("console/diagnoses-table.html") Template table) {
        this.pages = pages;
        this.audit = audit;
        this.incidents = incidents;
        this.pageSize = config.console().pageSize();
        this.flow = flow;
        this.table = table;
    }

    @GET
    public Response page(@PathParam("flowId") String flowId, @QueryParam("page") Integer page,
            @HeaderParam("HX-Request") String htmx) {
        AuditQuery query = new AuditQuery(flowId, null, null, null, null, null, page == null || page < 0 ? 0 : page,
                pageSize);
        Map<String, Object> data = DiagnosesPage.tableData(audit.list(query), query,
                "/console/flows/" + TemplateFormats.urlPart(flowId));
        if (htmx != null) {
            return pages.fragment(table, 200, data);
        }
        data.put("flowId", flowId);
        data.put("state", incidents.state(flowId).orElse(null));
        return pages.page(flow, "diagnoses", data);
    }
}
