package io.flowdoctor.lifecycle;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.flowdoctor.FlowDoctorConfig;
import io.flowdoctor.Instants;
import io.flowdoctor.lifecycle.ReloadOutcome.Result;
import io.flowdoctor.lifecycle.RuleBaseRejected.Rejection;
import io.flowdoctor.rulebase.ActiveRuleBase;
import io.flowdoctor.rulebase.RuleBase;
import io.flowdoctor.rulebase.RuleProblem;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;

/**
 * Loads the rule base at start-up and reloads it on request. A reload compiles and checks on its own
 * thread while the serving version goes on answering; only a version that compiles and passes every
 * scenario replaces it. Start-up refuses a rule base that would be rejected.
 */
@ApplicationScoped
public class RuleBaseManager {

    private static final Logger LOG = Logger.getLogger(RuleBaseManager.class);

    private final FlowDoctorConfig config;
    private final ActiveRuleBase active;
    private final MeterRegistry registry;
    private final Replays replays;
    private final ExecutorService reloader = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "rule-base-reload");
        thread.setDaemon(true);
        return thread;
    });
    private CompletableFuture<ReloadOutcome> queued;
    private volatile Rejection lastRejection;

    public RuleBaseManager(FlowDoctorConfig config, ActiveRuleBase active, MeterRegistry registry, Replays replays) {
        this.config = config;
        this.active = active;
        this.registry = registry;
        this.replays = replays;
    }

    void loadAtStartup(@Observes StartupEvent startup) {
        RuleBase ruleBase = compileAndCheck();
        active.activate(ruleBase);
        LOG.infof("Rule base %s serves: %d rules from %s", ruleBase.version(), ruleBase.allRules().size(),
                config.rulesDir().toAbsolutePath().normalize());
        replays.activated(null, ruleBase);
    }

    /**
     * Compiles and checks the files as they are now. Requests that arrive while one reload waits to start
     * share it; one that arrives while a reload runs gets its own, so no change is missed.
     */
    public synchronized CompletableFuture<ReloadOutcome> reload() {
        if (queued == null) {
            CompletableFuture<ReloadOutcome> next = new CompletableFuture<>();
            queued = next;
            reloader.execute(() -> {
                synchronized (this) {
                    queued = null;
                }
                next.complete(attempt());
            });
            return next;
        }
        return queued;
    }

    public RuleBaseStatus status() {
        return new RuleBaseStatus(version(active.current()), version(active.previous()), lastRejection,
                replays.lastReload());
    }

    private ReloadOutcome attempt() {
        try {
            RuleBase candidate = compileAndCheck();
            if (candidate.version().equals(active.current().version())) {
                return new ReloadOutcome(Result.UNCHANGED, candidate.version(), null);
            }
            RuleBase previous = active.current();
            active.activate(candidate);
            replays.activated(previous, candidate);
            registry.counter("flowdoctor.rulebase.reloads", "outcome", "activated").increment();
            LOG.infof("Rule base %s serves now: %d rules", candidate.version(), candidate.allRules().size());
            return new ReloadOutcome(Result.ACTIVATED, candidate.version(), null);
        } catch (RuleBaseRejected e) {
            lastRejection = e.rejection();
            registry.counter("flowdoctor.rulebase.reloads", "outcome", "rejected").increment();
            LOG.warn(e.getMessage());
            return new ReloadOutcome(Result.REJECTED, active.current().version(), e.rejection());
        } catch (RuntimeException e) {
            LOG.error("Reloading the rule base failed", e);
            lastRejection = new Rejection(Instants.now(), null,
                    List.of(new RuleProblem(config.rulesDir().toString(), 0, e.toString())), List.of());
            registry.counter("flowdoctor.rulebase.reloads", "outcome", "rejected").increment();
            return new ReloadOutcome(Result.REJECTED, active.current().version(), lastRejection);
        }
    }

    private RuleBase compileAndCheck() {
        return RuleBaseCheck.compileAndCheck(config.rulesDir(), config.knowledgeBaseDir(),
                RuleBaseManager.class.getClassLoader(), config.evaluation().bounds());
    }

    private static RuleBaseStatus.Version version(RuleBase ruleBase) {
        return ruleBase == null ? null
                : new RuleBaseStatus.Version(ruleBase.version(), ruleBase.loadedAt(), ruleBase.allRules().size());
    }

    @PreDestroy
    void stop() {
        reloader.shutdownNow();
    }
}
