package io.flowdoctor.stream;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.flowdoctor.FlowDoctorConfig;
import io.flowdoctor.api.Problem;
import io.flowdoctor.api.ProblemMapper;
import io.flowdoctor.diagnosis.Diagnosis;
import io.flowdoctor.intake.DiagnosisIntake;
import io.flowdoctor.knowledge.Language;
import io.flowdoctor.rulebase.RuleEvaluationOverrun;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * The Kafka door: failed runs from the {@value #FAILED_RUNS} channel, their diagnoses, keyed by flow id, to the
 * {@value #DIAGNOSES} channel. Records are keyed by flow id, so one flow's failures sit in one partition and are
 * taken one after the other; the partitions are shared among the channel's consumers (its {@code concurrency}).
 * <p>
 * At least once, counted once: a record is acknowledged only after its diagnoses are committed in the database
 * and written to the diagnoses topic, and the offsets committed are those below the oldest record not yet
 * acknowledged (the throttled commit strategy), so a crash loses no record but may deliver some again. A record
 * delivered again is answered as before and neither counted nor e-mailed again (its run id and failing step are
 * its idempotency key). A record that is no failed run goes to the dead-letter topic with its problem (in the
 * {@value #PROBLEM_HEADER} header, as problem+json) and the partition moves on. WorkflowRuntime records that report
 * no failed action (succeeded runs, a run's completion) are acknowledged without an answer, as
 * {@code POST /api/v1/runs/diagnoses} answers them with {@code []}.
 */
@ApplicationScoped
public class FailedRunsConsumer {

    /** The channel of failed runs (mp.messaging.incoming.failed-runs.*). */
    public static final String FAILED_RUNS = "failed-runs";
    /** The channel of diagnoses (mp.messaging.outgoing.diagnoses.*). */
    public static final String DIAGNOSES = "diagnoses";
    /** The header of a dead-lettered record that holds why, as an RFC 9457 problem in JSON. */
    public static final String PROBLEM_HEADER = "flowdoctor-problem";

    private static final Logger LOG = Logger.getLogger(FailedRunsConsumer.class);

    private final FailedRunReader reader;
    private final DiagnosisIntake intake;
    private final Emitter<String> diagnoses;
    private final ObjectMapper json;
    private final FlowDoctorConfig.Kafka config;
    private volatile boolean stopping;

    public FailedRunsConsumer(FailedRunReader reader, DiagnosisIntake intake,
            @Channel(DIAGNOSES) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096) Emitter<String> diagnoses,
            ObjectMapper json, FlowDoctorConfig config) {
        this.reader = reader;
        this.intake = intake;
        this.diagnoses = diagnoses;
        this.json = json;
        this.config = config.kafka();
    }

    /**
     * From the stop on, a record is left unacknowledged rather than sent to the dead-letter topic when the closing
     * database fails it: its offset is not committed, and the group delivers it again after the restart. Only a
     * consumer that exists hears it: with the Kafka intake off, the stop must not create one (its channels are off).
     */
    void stop(@Observes(notifyObserver = Reception.IF_EXISTS) ShutdownEvent shutdown) {
        stopping = true;
    }

    @Incoming(FAILED_RUNS)
    @Blocking
    public CompletionStage<Void> consume(Message<String> record) {
        if (stopping) {
            return new CompletableFuture<>(); // never acknowledged: delivered again after the restart
        }
        String deliveredAt = record.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(where -> where.getTopic() + "/" + where.getPartition() + "/" + where.getOffset())
                .orElseThrow(() -> new IllegalStateException("Channel " + FAILED_RUNS + " must be a Kafka channel"));
        List<Diagnosis> answers = new ArrayList<>();
        try {
            List<FailedRun> runs = reader.read(parse(record.getPayload()));
            if (runs.isEmpty()) {
                // Resource logs carry every run's events: a batch of succeeded actions, or of a run's completion
                // whose failed action came in another batch, holds nothing to diagnose and is no bad record.
                return record.ack();
            }
            for (FailedRun run : runs) {
                answers.add(diagnose(run, deliveredAt));
            }
        } catch (UnreadableRecord e) {
            return deadLetter(record, deliveredAt, e.problem(), e);
        } catch (RuleEvaluationOverrun e) {
            LOG.error(e.getMessage());
            return deadLetter(record, deliveredAt, new Problem(ProblemMapper.TYPES + "rule-evaluation-overrun",
                    "The rules did not stop", 500, e.getMessage() + ". Nothing was recorded; the rule base needs a fix", null,
                    null, null, e.looping()), e);
        } catch (RuntimeException e) {
            if (stopping) {
                LOG.infof("Record %s is left to be delivered again: the service stops", deliveredAt);
                return new CompletableFuture<>();
            }
            boolean database = ProblemMapper.isDatabaseFailure(e);
            LOG.errorf(e, "Record %s could not be diagnosed", deliveredAt);
            return deadLetter(record, deliveredAt, database
                    ? new Problem(ProblemMapper.TYPES + "database-unavailable", "Service unavailable", 503,
                            "The history database could not be reached in " + config.attempts()
                                    + " tries; what the record's runs did not get stored is not counted. Send it again",
                            null, null)
                    : new Problem(ProblemMapper.TYPES + "internal-error", "Internal error", 500,
                            "The record could not be diagnosed; the failure has been logged", null, null),
                    e);
        }
        return publish(record, answers);
    }

    private JsonNode parse(String value) {
        if (value == null) {
            throw new UnreadableRecord(problem("invalid-request", "The request is invalid", "The record has no value"));
        }
        JsonNode node;
        try {
            node = json.readTree(value);
        } catch (JsonProcessingException e) {
            throw new UnreadableRecord(ProblemMapper.unreadableProblem(e));
        }
        if (node == null || !node.isObject()) {
            throw new UnreadableRecord(problem("invalid-request", "The request is invalid",
                    "The record's value must be a JSON object"));
        }
        return node;
    }

    /** Diagnosed and stored, or the database's failure after the configured tries. */
    private Diagnosis diagnose(FailedRun run, String deliveredAt) {
        Language language = Language.resolve(run.locale(), null);
        Duration wait = config.retryAfter();
        for (int attempt = 1;; attempt++) {
            try {
                return intake.diagnoseDelivered(run.report(), language, deliveredAt);
            } catch (RuntimeException e) {
                if (attempt >= config.attempts() || stopping || !ProblemMapper.isDatabaseFailure(e)) {
                    throw e;
                }
                LOG.warnf("The database failed while record %s was diagnosed (try %d of %d); trying again in %s",
                        deliveredAt, attempt, config.attempts(), wait);
                sleep(wait);
                wait = wait.multipliedBy(2);
            }
        }
    }

    /**
     * Writes the answers to the diagnoses topic, keyed by flow id; the record is acknowledged once the broker has
     * them all. Meanwhile the next record is taken: the commit strategy keeps the offset below this one until then.
     */
    private CompletionStage<Void> publish(Message<String> record, List<Diagnosis> answers) {
        AtomicInteger waiting = new AtomicInteger(answers.size());
        AtomicBoolean failed = new AtomicBoolean();
        for (Diagnosis answer : answers) {
            String value;
            try {
                value = json.writeValueAsString(answer);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("A diagnosis is always JSON", e);
            }
            diagnoses.send(Message.of(value,
                    Metadata.of(OutgoingKafkaRecordMetadata.<String> builder().withKey(answer.flowId()).build()),
                    () -> waiting.decrementAndGet() == 0 ? record.ack() : CompletableFuture.completedFuture(null),
                    e -> failed.compareAndSet(false, true) ? record.nack(e) : CompletableFuture.completedFuture(null)));
        }
        return CompletableFuture.completedFuture(null);
    }

    private CompletionStage<Void> deadLetter(Message<String> record, String deliveredAt, Problem problem, Throwable cause) {
        // The type says what kind of problem; the detail may quote the record, which stays out of the log.
        LOG.warnf("Record %s goes to the dead-letter topic: %s", deliveredAt, problem.type());
        byte[] body;
        try {
            body = json.writeValueAsBytes(problem);
        } catch (JsonProcessingException e) {
            body = problem.detail().getBytes(StandardCharsets.UTF_8);
        }
        RecordHeaders headers = new RecordHeaders();
        headers.add(PROBLEM_HEADER, body);
        return record.nack(cause, Metadata.of(OutgoingKafkaRecordMetadata.builder().withHeaders(headers).build()));
    }

    private static Problem problem(String type, String title, String detail) {
        return new Problem(ProblemMapper.TYPES + type, title, 400, detail, "value", null);
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the database", e);
        }
    }
}
