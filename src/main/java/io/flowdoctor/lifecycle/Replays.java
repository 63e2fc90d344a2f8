package io.flowdoctor.lifecycle;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.flowdoctor.FlowDoctorConfig;
import io.flowdoctor.Instants;
import io.flowdoctor.diagnosis.ReplayInput;
import io.flowdoctor.history.RecordedInputs;
import io.flowdoctor.history.RecordedInputs.Recorded;
import io.flowdoctor.lifecycle.RuleBaseRejected.Rejection;
import io.flowdoctor.rulebase.ActiveRuleBase;
import io.flowdoctor.rulebase.RuleBase;
import io.quarkus.runtime.ShutdownEvent;

/**
 * What-if replays: the latest stored failures diagnosed with the serving rule base and with a candidate,
 * every answer that would change reported. A replay runs in the background, one at a time, with its
 * progress readable while it runs. Every reload replays its change the same way, and every new version
 * is checked against the open knowledge gaps.
 */
@ApplicationScoped
public class Replays {

    private static final Logger LOG = Logger.getLogger(Replays.class);
    private static final int PAGE = 500;
    /** Replays kept to be read back; older ones are forgotten. */
    private static final int KEPT = 20;

    /** How long a stop waits for the knowledge loop's current step. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(5);

    private final FlowDoctorConfig config;
    private final ActiveRuleBase active;
    private final RecordedInputs inputs;
    private final GapCoverage coverage;
    private final ObjectMapper json;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "knowledge-loop");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<UUID, Job> jobs = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, Job> eldest) {
            return size() > KEPT;
        }
    };
    private volatile Job lastReload;
    /** Set when the service stops: a replay ends between two failures instead of racing the database's close. */
    private volatile boolean stopping;

    /** A replay cut short because the service stops. */
    private static final class Stopped extends RuntimeException {

        Stopped() {
            super("stopped: the service is shutting down", null, false, false);
        }
    }

    public Replays(FlowDoctorConfig config, ActiveRuleBase active, RecordedInputs inputs, GapCoverage coverage,
            ObjectMapper json) {
        this.config = config;
        this.active = active;
        this.inputs = inputs;
        this.coverage = coverage;
        this.json = json;
    }

    /** Where a replay is. */
    public enum State {
        /** Waiting for an earlier replay, or compiling the candidate. */
        PREPARING,
        RUNNING,
        DONE,
        /** The candidate does not compile or breaks a scenario: it would not serve, so nothing was replayed. */
        REJECTED,
        FAILED
    }

    /** A replay as the API shows it; the report once it is done. */
    public record ReplayView(UUID id, State state, Instant startedAt, Instant finishedAt, int failures, int done,
            String candidateRules, ReplayReport report, Rejection rejection, String error) {
    }

    /** Replays the candidate directory (or the rules directory) against the serving version. */
    public ReplayView start(Integer failures) {
        int bounded = Math.min(failures == null ? config.replay().defaultFailures() : failures,
                config.replay().maxFailures());
        Path rules = config.replay().candidateRulesDir().orElse(config.rulesDir());
        Path knowledge = config.replay().candidateKnowledgeBaseDir().orElse(config.knowledgeBaseDir());
        Job job = new Job(bounded, rules.toString());
        synchronized (jobs) {
            jobs.put(job.id, job);
        }
        worker.execute(() -> job.run(() -> {
            try {
                return Optional.of(RuleBaseCheck.compileAndCheck(rules, knowledge, Replays.class.getClassLoader(),
                        config.evaluation().bounds()));
            } catch (RuleBaseRejected e) {
                job.rejection = e.rejection();
                return Optional.empty();
            }
        }, active.current()));
        return job.view();
    }

    public Optional<ReplayView> find(UUID id) {
        synchronized (jobs) {
            return Optional.ofNullable(jobs.get(id)).map(Job::view);
        }
    }

    /** The replay of the last reload that activated a new version; null before the first. */
    public ReplayView lastReload() {
        Job job = lastReload;
        return job == null ? null : job.view();
    }

    /** A new version serves: check it against the open gaps and, after a reload, replay what it changed. */
    void activated(RuleBase previous, RuleBase current) {
        if (previous != null) {
            Job job = new Job(config.replay().defaultFailures(), config.rulesDir().toString());
            lastReload = job;
            worker.execute(() -> job.run(() -> Optional.of(current), previous));
        }
        worker.execute(() -> {
            if (stopping) {
                return;
            }
            try {
                coverage.check(current);
            } catch (RuntimeException e) {
                LOG.error("Checking the knowledge gaps against rule base " + current.version() + " failed", e);
            }
        });
    }

    /** Diagnoses the newest stored failures with both rule bases, comparing their answers. */
    ReplayReport replay(RuleBase baseline, RuleBase candidate, int failures, AtomicInteger done) {
        ReplayReport.Builder report = new ReplayReport.Builder(baseline.version(), candidate.version());
        for (int page = 0; page * PAGE < failures; page++) {
            List<Recorded> batch = inputs.newest(page, PAGE);
            for (Recorded recorded : batch.subList(0, Math.min(batch.size(), failures - page * PAGE))) {
                if (stopping) {
                    throw new Stopped();
                }
                Optional<ReplayInput> input = Replayer.read(recorded.replayInput(), json);
                if (input.isEmpty()) {
                    report.unreadable();
                } else {
                    report.compare(recorded.diagnosisId(),
                            AnswerKey.of(Replayer.diagnose(baseline, recorded.diagnosisId(), input.get())),
                            AnswerKey.of(Replayer.diagnose(candidate, recorded.diagnosisId(), input.get())));
                }
                done.incrementAndGet();
            }
            if (batch.size() < PAGE) {
                break;
            }
        }
        return report.build();
    }

    /** One replay while it runs and after. */
    private final class Job {

        private final UUID id = UUID.randomUUID();
        private final Instant startedAt = Instants.now();
        private final int failures;
        private final String candidateRules;
        private final AtomicInteger done = new AtomicInteger();
        private volatile State state = State.PREPARING;
        private volatile Instant finishedAt;
        private volatile ReplayReport report;
        private volatile Rejection rejection;
        private volatile String error;

        Job(int failures, String candidateRules) {
            this.failures = failures;
            this.candidateRules = candidateRules;
        }

        void run(java.util.function.Supplier<Optional<RuleBase>> candidate, RuleBase baseline) {
            try {
                Optional<RuleBase> compiled = candidate.get();
                if (compiled.isEmpty()) {
                    state = State.REJECTED;
                    return;
                }
                state = State.RUNNING;
                report = replay(baseline, compiled.get(), failures, done);
                state = State.DONE;
                LOG.infof("Replay %s: %d of %d failures would change with %s", id, report.changed(), report.replayed(),
                        report.candidate());
            } catch (Stopped e) {
                LOG.infof("Replay %s %s", id, e.getMessage());
                error = e.getMessage();
                state = State.FAILED;
            } catch (RuntimeException e) {
                LOG.error("Replay " + id + " failed", e);
                error = e.toString();
                state = State.FAILED;
            } finally {
                finishedAt = Instants.now();
            }
        }

        ReplayView view() {
            return new ReplayView(id, state, startedAt, finishedAt, failures, done.get(), candidateRules, report, rejection,
                    error);
        }
    }

    /**
     * Before the database closes: no new work, and the running replay ends at its next failure. What is
     * still running after a few seconds is interrupted.
     */
    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        stopping = true;
        worker.shutdown();
        if (!worker.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
            worker.shutdownNow();
        }
    }
}
