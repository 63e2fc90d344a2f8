package io.flowdoctor.console;

import java.util.HashMap;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

import io.flowdoctor.history.KnowledgeGaps;
import io.flowdoctor.lifecycle.RuleBaseManager;
import io.flowdoctor.lifecycle.RuleCatalog;
import io.flowdoctor.security.Roles;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;

/**
 * The rules: serving and previous versions, the last rejected reload with its errors by file and line, the last
 * reload's replay, the catalog with fire counts and effectiveness, and the knowledge gaps.
 */
@Path("/console/rules")
@RolesAllowed({ Roles.ANALYST, Roles.SUPPORT })
@Produces("text/html")
public class RulesPage {

    private final Pages pages;
    private final RuleCatalog catalog;
    private final RuleBaseManager manager;
    private final KnowledgeGaps gaps;
    private final Template rules;

    public RulesPage(Pages pages, RuleCatalog catalog, RuleBaseManager manager, KnowledgeGaps gaps,
            @Location("console/rules.html") Template rules) {
        this.pages = pages;
        this.catalog = catalog;
        this.manager = manager;
        this.gaps = gaps;
        this.rules = rules;
    }

    @GET
    public Response page() {
        Map<String, Object> data = new HashMap<>();
        data.put("status", manager.status());
        data.put("entries", catalog.entries());
        data.put("gaps", gaps.open());
        return pages.page(rules, "rules", data);
    }
}
