package io.flowdoctor.lifecycle;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
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
import io.flowdoctor.rulebase.CompiledRuleBases;
import io.flowdoctor.rulebase.RuleBase;
import io.flowdoctor.rulebase.RuleFilesStamp;
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
    /** Compiles of one reload while the files keep changing under it; the reload of the last edit follows anyway. */
    private static final int COMPILES_UNTIL_SETTLED = 3;

    private final FlowDoctorConfig config;
    private final ActiveRuleBase active;
    private final MeterRegistry registry;
    private final Replays replays;
    private final CompiledRuleBases compiled;
    private final ExecutorService reloader = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "rule-base-reload");
        thread.setDaemon(true);
        return thread;
    });
    private CompletableFuture<ReloadOutcome> queued;
    private volatile Rejection lastRejection;
    private volatile RuleBaseStatus.Attempt lastAttempt;
    /** The rejected attempt the files recovered from; kept until the next rejection. */
    private volatile Instant servingAgainAfter;

    public RuleBaseManager(FlowDoctorConfig config, ActiveRuleBase active, MeterRegistry registry, Replays replays) {
        this.config = config;
        this.active = active;
        this.registry = registry;
        this.replays = replays;
        this.compiled = new CompiledRuleBases(config.compiledRulesDir(), RuleBaseManager.class.getClassLoader(),
                config.evaluation().bounds());
    }

    /**
     * A version that passed its gate before, with the same files and classes, serves from its compiled form;
     * any other is compiled and gated, and its compiled form kept for the next start.
     */
    void loadAtStartup(@Observes StartupEvent startup, EarlyRuleBaseRead early) {
        Optional<RuleBase> kept = early.take(new EarlyRuleBaseRead.Source(config.compiledRulesDir(),
                config.rulesDir(), config.knowledgeBaseDir(), config.evaluation().bounds()))
                .map(read -> read.ruleBase().filter(ruleBase -> CompiledRuleBases.current(ruleBase, config.rulesDir(),
                        config.knowledgeBaseDir())))
                .orElseGet(this::readKept);
        RuleBase ruleBase = kept.orElseGet(this::compileCheckAndKeep);
        active.activate(ruleBase);
        LOG.infof("Rule base %s serves: %d rules from %s (%s)", ruleBase.version(), ruleBase.allRules().size(),
                config.rulesDir().toAbsolutePath().normalize(),
                ruleBase.origin() == RuleBase.Origin.CACHE ? "read from its compiled form" : "compiled and checked");
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
        RuleBaseStatus.Attempt attempt = lastAttempt;
        return new RuleBaseStatus(version(active.current()), version(active.previous()), lastRejection, attempt,
                attempt != null && attempt.result() == Result.REJECTED, servingAgainAfter, replays.lastReload());
    }

    /** Runs one attempt and tells its story: in the log, in the status and in the answer to the caller. */
    private ReloadOutcome attempt() {
        boolean afterRejection = lastAttempt != null && lastAttempt.result() == Result.REJECTED;
        ReloadOutcome outcome = tryReload(afterRejection);
        if (outcome.result() == Result.REJECTED) {
            servingAgainAfter = null;
        } else if (afterRejection) {
            servingAgainAfter = lastRejection.at();
        }
        lastAttempt = new RuleBaseStatus.Attempt(Instants.now(), outcome.result(), outcome.version(), outcome.message(),
                outcome.servingAgain());
        return outcome;
    }

    private ReloadOutcome tryReload(boolean afterRejection) {
        try {
            // The files of the serving version need no compile, and a version that passed its gate before (an
            // edit undone) serves from its compiled form: only a version never gated is compiled and gated.
            if (filesDescribe(active.current())) {
                return unchanged(active.current().version(), afterRejection);
            }
            RuleBase candidate = readKept().orElseGet(this::compileCheckAndKeep);
            if (candidate.version().equals(active.current().version())) {
                return unchanged(candidate.version(), afterRejection);
            }
            RuleBase previous = active.current();
            active.activate(candidate);
            replays.activated(previous, candidate);
            registry.counter("flowdoctor.rulebase.reloads", "outcome", "activated").increment();
            String message = afterRejection
                    ? "Rule base " + candidate.version() + " is serving again: " + candidate.allRules().size()
                            + " rules, after the rejected attempt at " + lastRejection.at()
                    : "Rule base " + candidate.version() + " serves now: " + candidate.allRules().size() + " rules"
                            + (candidate.origin() == RuleBase.Origin.CACHE ? ", read from the compiled form of its earlier gate"
                                    : "")
                            + servingAgainSince();
            LOG.info(message);
            return new ReloadOutcome(Result.ACTIVATED, candidate.version(), null, message, afterRejection);
        } catch (RuleBaseRejected e) {
            return rejected(e.rejection(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("Reloading the rule base failed", e);
            return rejected(new Rejection(Instants.now(), null,
                    List.of(new RuleProblem(config.rulesDir().toString(), 0, e.toString())), List.of()), e.toString());
        }
    }

    private ReloadOutcome unchanged(String version, boolean afterRejection) {
        String message = afterRejection
                ? "Rule base " + version + " is serving again: the files describe the serving version once more,"
                        + " after the rejected attempt at " + lastRejection.at()
                : "Rule base " + version + " unchanged: the files describe the version that serves" + servingAgainSince();
        LOG.info(message);
        return new ReloadOutcome(Result.UNCHANGED, version, null, message, afterRejection);
    }

    /** Versions serve "again" from the first good attempt after a rejected one until the next rejection. */
    private String servingAgainSince() {
        Instant since = servingAgainAfter;
        return since == null ? "" : " (serving again since the rejected attempt at " + since + ")";
    }

    private ReloadOutcome rejected(Rejection rejection, String problems) {
        lastRejection = rejection;
        registry.counter("flowdoctor.rulebase.reloads", "outcome", "rejected").increment();
        String serving = active.current().version();
        LOG.warn(problems + "\n  Rule base " + serving + " goes on serving.");
        return new ReloadOutcome(Result.REJECTED, serving, rejection,
                "Rejected with " + (rejection.problems().size() + rejection.scenarioFailures().size())
                        + " problem(s); rule base " + serving + " goes on serving",
                false);
    }

    /**
     * Compiles and gates the files, and keeps the compiled form. A version is named before its files are read, so an
     * edit while it compiles leaves a rule base named after other content: such a one is compiled again, and only one
     * compiled while nothing was written, and whose name still matches the files, is kept. (An edit undone while the
     * compile read the files leaves the content as it was named, but not the modification times.)
     */
    private RuleBase compileCheckAndKeep() {
        for (int attempt = 1;; attempt++) {
            RuleFilesStamp before = RuleFilesStamp.of(config.rulesDir(), config.knowledgeBaseDir());
            RuleBase ruleBase = RuleBaseCheck.compileAndCheck(config.rulesDir(), config.knowledgeBaseDir(),
                    RuleBaseManager.class.getClassLoader(), config.evaluation().bounds());
            if (before.equals(RuleFilesStamp.of(config.rulesDir(), config.knowledgeBaseDir())) && filesDescribe(ruleBase)) {
                compiled.store(ruleBase);
                return ruleBase;
            }
            if (attempt == COMPILES_UNTIL_SETTLED) {
                return ruleBase;
            }
            LOG.infof("The files changed while rule base %s was compiled: compiling them again", ruleBase.version());
        }
    }

    /** The compiled form kept for the files' version, when it reads and still answers its first scenario. */
    private Optional<RuleBase> readKept() {
        return compiled.load(config.rulesDir(), config.knowledgeBaseDir())
                .filter(read -> RuleBaseCheck.answersItsFirstScenario(read, config.knowledgeBaseDir()));
    }

    private boolean filesDescribe(RuleBase ruleBase) {
        return CompiledRuleBases.current(ruleBase, config.rulesDir(), config.knowledgeBaseDir());
    }

    private static RuleBaseStatus.Version version(RuleBase ruleBase) {
        return ruleBase == null ? null
                : new RuleBaseStatus.Version(ruleBase.version(), ruleBase.loadedAt(), ruleBase.allRules().size(),
                        ruleBase.origin() == RuleBase.Origin.CACHE ? RuleBaseStatus.LoadedFrom.CACHE
                                : RuleBaseStatus.LoadedFrom.COMPILED);
    }

    @PreDestroy
    void stop() {
        reloader.shutdownNow();
    }
}
