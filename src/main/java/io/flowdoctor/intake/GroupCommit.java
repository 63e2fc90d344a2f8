package io.flowdoctor.intake;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.flowdoctor.FlowDoctorConfig;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Records the work of many concurrent requests in one transaction (group commit). Each request's work goes
 * into a bounded queue of the writer that owns its flow (so one flow's failures are recorded in the order they
 * came), and the request waits, bounded, until that work is committed. A writer takes what has queued up
 * while it committed the previous batch, runs each piece in turn in one transaction, commits, and only then
 * completes them: an answer still leaves only once its rows are durably stored. When one piece of a batch fails
 * (or needs a row created first), the whole batch is rolled back and every piece is run again on its own, in
 * its own transactions, exactly as without grouping. A full queue refuses the request at once
 * ({@link RecordingBusy}: 503 with Retry-After) instead of holding it in memory.
 */
@ApplicationScoped
public class GroupCommit {

    private static final Logger LOG = Logger.getLogger(GroupCommit.class);

    /** One request's work: once within a shared transaction, or on its own after a batch was rolled back. */
    interface Unit<T> {

        /** Runs before the batch's transaction begins, in transactions of its own (a flow's row created once). */
        default void prepare() {
        }

        /** Runs inside the batch's transaction; throwing rolls back the whole batch. */
        T inBatch();

        /** Runs on its own, opening its own transactions, after the batch it was in was rolled back. */
        T alone();
    }

    /** Thrown from {@link Unit#inBatch()} when a piece needs to run on its own (a row to create first). */
    static final class RunAlone extends RuntimeException {

        RunAlone() {
            super(null, null, false, false);
        }
    }

    private record Pending<T>(Unit<T> unit, CompletableFuture<T> done) {
    }

    private final Writer[] writers;
    private final Duration maxWait;
    private final Duration retryAfter;
    private final DistributionSummary batchSizes;
    private volatile boolean stopping;

    public GroupCommit(FlowDoctorConfig config, MeterRegistry registry) {
        FlowDoctorConfig.Recording recording = config.recording();
        int count = Math.max(1, recording.writers());
        int capacity = Math.max(1, recording.queueSize() / count);
        this.maxWait = recording.maxWait();
        this.retryAfter = recording.retryAfter();
        this.batchSizes = DistributionSummary.builder("flowdoctor.recording.batch")
                .description("Diagnoses recorded per transaction").register(registry);
        this.writers = new Writer[count];
        for (int i = 0; i < count; i++) {
            writers[i] = new Writer(i, capacity, Math.max(1, recording.batchSize()));
            registry.gauge("flowdoctor.recording.queued", List.of(io.micrometer.core.instrument.Tag.of("writer",
                    String.valueOf(i))), writers[i].queue, BlockingQueue::size);
        }
    }

    /**
     * Queues the work with the writer of its key (the flow id) and waits until it is committed.
     *
     * @throws RecordingBusy when the writer's queue is full, or the work was not recorded within the bounded wait
     */
    <T> T run(String key, Unit<T> unit) {
        if (stopping) {
            throw new RecordingBusy(retryAfter, "The service is stopping; send the request again");
        }
        Pending<T> pending = new Pending<>(unit, new CompletableFuture<>());
        Writer writer = writers[Math.floorMod(key.hashCode(), writers.length)];
        if (!writer.queue.offer(pending)) {
            throw new RecordingBusy(retryAfter, "Too many diagnoses are waiting to be recorded; nothing was recorded."
                    + " Send the request again after the time in Retry-After");
        }
        try {
            return pending.done().get(maxWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new RecordingBusy(retryAfter, "The diagnosis was not recorded within " + maxWait.toSeconds()
                    + " s; send the request again (with the same runId or Idempotency-Key it is not counted twice)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RecordingBusy(retryAfter, "The request was interrupted while its diagnosis was recorded");
        }
    }

    /** The requests in flight finish before the beans go; then each writer records what is queued and ends. */
    @PreDestroy
    void stop() {
        stopping = true;
        for (Writer writer : writers) {
            writer.finish();
        }
    }

    private final class Writer implements Runnable {

        private final BlockingQueue<Pending<?>> queue;
        private final int batchSize;
        private final Thread thread;

        Writer(int index, int capacity, int batchSize) {
            this.queue = new ArrayBlockingQueue<>(capacity);
            this.batchSize = batchSize;
            this.thread = new Thread(this, "diagnosis-writer-" + index);
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void run() {
            List<Pending<?>> batch = new ArrayList<>(batchSize);
            while (!stopping || !queue.isEmpty()) {
                try {
                    Pending<?> first = queue.poll(100, TimeUnit.MILLISECONDS);
                    if (first == null) {
                        continue;
                    }
                    batch.add(first);
                    queue.drainTo(batch, batchSize - 1);
                    record(batch);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                } catch (RuntimeException | Error e) {
                    LOG.error("A diagnosis writer failed", e);
                    batch.forEach(pending -> pending.done().completeExceptionally(e));
                } finally {
                    batch.clear();
                }
            }
        }

        void finish() {
            try {
                thread.join(Duration.ofSeconds(30).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void record(List<Pending<?>> batch) {
            batchSizes.record(batch.size());
            ManagedContext requestContext = Arc.container().requestContext();
            requestContext.activate();
            try {
                if (batch.size() == 1 || !together(batch)) {
                    batch.forEach(Writer::alone);
                }
            } finally {
                requestContext.terminate();
            }
        }

        /** Runs the batch in one transaction and completes it; false (nothing completed) when it was rolled back. */
        private boolean together(List<Pending<?>> batch) {
            List<Object> results = new ArrayList<>(batch.size());
            try {
                batch.forEach(pending -> pending.unit().prepare());
                QuarkusTransaction.requiringNew().run(() -> {
                    results.clear();
                    for (Pending<?> pending : batch) {
                        results.add(pending.unit().inBatch());
                    }
                });
            } catch (RuntimeException rolledBack) {
                LOG.debugf("A batch of %d diagnoses was rolled back (%s); each is recorded on its own", batch.size(),
                        rolledBack);
                return false;
            }
            for (int i = 0; i < batch.size(); i++) {
                complete(batch.get(i), results.get(i));
            }
            return true;
        }

        @SuppressWarnings("unchecked")
        private static <T> void complete(Pending<T> pending, Object result) {
            pending.done().complete((T) result);
        }

        private static <T> void alone(Pending<T> pending) {
            try {
                pending.done().complete(pending.unit().alone());
            } catch (RuntimeException | Error e) {
                pending.done().completeExceptionally(e);
            }
        }
    }
}
