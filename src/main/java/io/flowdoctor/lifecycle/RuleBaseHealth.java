package io.flowdoctor.lifecycle;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import io.flowdoctor.rulebase.NoActiveRuleBase;

/**
 * Readiness includes the rule base: ready once a version serves. A rejected reload leaves the service ready (the
 * serving version goes on answering) but says so, so that a load balancer's view and an operator's agree on which
 * rules answer and whether the files on disk are what serves.
 */
@Readiness
@ApplicationScoped
public class RuleBaseHealth implements HealthCheck {

    static final String NAME = "rule-base";

    private final RuleBaseManager manager;

    public RuleBaseHealth(RuleBaseManager manager) {
        this.manager = manager;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME);
        RuleBaseStatus status;
        try {
            status = manager.status();
        } catch (NoActiveRuleBase loading) {
            return response.down().withData("reason", "the rule base is still loading").build();
        }
        response.up()
                .withData("version", status.serving().version())
                .withData("loadedAt", status.serving().loadedAt().toString())
                .withData("rules", status.serving().rules())
                .withData("loadedFrom", status.serving().loadedFrom().name())
                .withData("lastAttemptRejected", status.lastAttemptRejected());
        if (status.lastAttempt() != null) {
            response.withData("lastAttempt", status.lastAttempt().result().name())
                    .withData("lastAttemptAt", status.lastAttempt().at().toString());
        }
        if (status.lastAttemptRejected() && status.lastRejection() != null) {
            response.withData("rejectedAt", status.lastRejection().at().toString());
        }
        if (status.servingAgainAfter() != null) {
            response.withData("servingAgainAfter", status.servingAgainAfter().toString());
        }
        return response.build();
    }
}
