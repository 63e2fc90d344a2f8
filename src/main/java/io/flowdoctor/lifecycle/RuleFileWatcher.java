package io.flowdoctor.lifecycle;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;

import io.flowdoctor.FlowDoctorConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Reloads the rule base when a file under the rules or knowledge-base directory changes. Changes are
 * gathered until the files stay quiet for the configured period, so one save is one reload. The watch
 * outlives I/O errors (see {@link DirectoryWatch}); whether it watches is a liveness check,
 * "rule-file-watcher" under /q/health/live.
 */
@ApplicationScoped
@Liveness
public class RuleFileWatcher implements HealthCheck {

    private final FlowDoctorConfig config;
    private final RuleBaseManager manager;
    private DirectoryWatch watch;

    public RuleFileWatcher(FlowDoctorConfig config, RuleBaseManager manager) {
        this.config = config;
        this.manager = manager;
    }

    void start(@Observes StartupEvent startup) {
        if (!config.reload().watch()) {
            return;
        }
        watch = new DirectoryWatch(List.of(config.rulesDir(), config.knowledgeBaseDir()), config.reload().quietPeriod(),
                manager::reload, DirectoryWatch.FILE_SYSTEM);
        watch.start();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (watch != null) {
            watch.stop();
        }
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("rule-file-watcher");
        if (watch == null) {
            return response.up().withData("watching", "off (flowdoctor.reload.watch=false)").build();
        }
        DirectoryWatch.State state = watch.state();
        response.status(state.watching()).withData("watching", state.watching()).withData("recoveries", state.recoveries());
        if (state.lastError() != null) {
            response.withData("lastError", state.lastError()).withData("lastErrorAt", state.lastErrorAt().toString());
        }
        return response.build();
    }
}
