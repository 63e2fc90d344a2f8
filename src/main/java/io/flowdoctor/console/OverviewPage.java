package io.flowdoctor.console;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import io.flowdoctor.history.AuditStatistics;
import io.flowdoctor.history.AuditStatistics.SignatureCount;
import io.flowdoctor.lifecycle.RuleBaseManager;
import io.flowdoctor.lifecycle.RuleBaseStatus;
import io.flowdoctor.security.Roles;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;

/**
 * What is failing now: failures per hour by category over the last day or week, open cases by age, the most frequent
 * failure signatures and connectors of the week, and whether the rule base's last reload was rejected.
 */
@Path("/console")
@RolesAllowed({ Roles.SUPPORT, Roles.ANALYST })
@Produces("text/html")
public class OverviewPage {

    private static final int TOP = 10;

    /** A signature split into the parts it is made of (see the audit's signature). */
    public record Signature(String category, String rule, String step, String connector, String operation, String code,
            long count) {

        static Signature of(SignatureCount counted) {
            String[] parts = counted.signature().split("\\|", -1);
            String status = part(parts, 5);
            String code = part(parts, 6);
            return new Signature(part(parts, 0), part(parts, 1), part(parts, 2), part(parts, 3), part(parts, 4),
                    (status + " " + code).strip(), counted.count());
        }

        private static String part(String[] parts, int index) {
            return index < parts.length ? parts[index] : "";
        }
    }

    /** A name and how many. */
    public record Count(String name, long count) {
    }

    private final Pages pages;
    private final AuditStatistics statistics;
    private final RuleBaseManager manager;
    private final Template overview;

    public OverviewPage(Pages pages, AuditStatistics statistics, RuleBaseManager manager,
            @Location("console/overview.html") Template overview) {
        this.pages = pages;
        this.statistics = statistics;
        this.manager = manager;
        this.overview = overview;
    }

    @GET
    public Response page(@QueryParam("range") String range) {
        boolean week = "week".equals(range);
        Instant now = Instant.now();
        int hours = week ? 24 * 7 : 24;
        Instant weekAgo = now.minus(Duration.ofDays(7));
        RuleBaseStatus status = manager.status();
        List<Signature> signatures = statistics.topSignatures(weekAgo, 200).stream().map(Signature::of).toList();
        Map<String, Object> data = new HashMap<>();
        data.put("range", week ? "week" : "day");
        data.put("chart", BarChart.hourly(statistics.failuresSince(now.minus(Duration.ofHours(hours))), now, hours));
        data.put("status", status);
        data.put("rejectedSinceServing", status.lastRejection() != null && (status.serving() == null
                || status.lastRejection().at().isAfter(status.serving().loadedAt())));
        data.put("caseAges", caseAges(statistics.openCasesOpenedAt(), now, pages.messages()));
        data.put("signatures", signatures.stream().limit(TOP).toList());
        data.put("connectors", connectors(signatures));
        return pages.page(overview, "overview", data);
    }

    private static List<Count> caseAges(List<Instant> openedAt, Instant now, ConsoleMessages texts) {
        Map<String, Long> buckets = new LinkedHashMap<>();
        buckets.put(texts.age_hour(), 0L);
        buckets.put(texts.age_day(), 0L);
        buckets.put(texts.age_week(), 0L);
        buckets.put(texts.age_older(), 0L);
        for (Instant opened : openedAt) {
            Duration age = Duration.between(opened, now);
            String bucket = age.toHours() < 1 ? texts.age_hour()
                    : age.toDays() < 1 ? texts.age_day() : age.toDays() < 7 ? texts.age_week() : texts.age_older();
            buckets.merge(bucket, 1L, Long::sum);
        }
        List<Count> counts = new ArrayList<>();
        buckets.forEach((name, count) -> counts.add(new Count(name, count)));
        return counts;
    }

    private static List<Count> connectors(List<Signature> signatures) {
        Map<String, Long> byConnector = new HashMap<>();
        for (Signature signature : signatures) {
            if (!signature.connector().isEmpty()) {
                byConnector.merge(signature.connector(), signature.count(), Long::sum);
            }
        }
        return byConnector.entrySet().stream()
                .sorted(Map.Entry.<String, Long> comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(TOP).map(entry -> new Count(entry.getKey(), entry.getValue())).toList();
    }
}
