package io.flowdoctor.intake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.flowdoctor.diagnosis.Diagnoser;
import io.flowdoctor.diagnosis.RunReport;
import io.flowdoctor.knowledge.KnowledgeBase;
import io.flowdoctor.knowledge.Language;

/**
 * What makes two requests one. The caller's {@code Idempotency-Key} names it; without one, the run id and
 * the step that failed do, for a request sent again exactly as before (the same body, language and
 * explain): a retry. A request without a run id and without the header has no key: two such requests may
 * be two failures, and each is counted.
 *
 * @param hash sha-256 hex of the key, as stored
 * @param requestHash sha-256 hex of the request as sent, its language and whether it asked for an explanation:
 *        a caller's key sent again with another request is refused
 * @param explicit whether the caller named the key in the header
 */
public record IdempotencyKey(String hash, String requestHash, boolean explicit) {

    /** The header a caller names its own key in. */
    public static final String HEADER = "Idempotency-Key";

    static Optional<IdempotencyKey> of(String header, RunReport sent, Language language, boolean explain,
            KnowledgeBase knowledge, ObjectMapper json) {
        boolean explicit = header != null && !header.isBlank();
        if (!explicit && (sent.runId() == null || sent.runId().isBlank())) {
            return Optional.empty();
        }
        String request;
        try {
            request = sha256(language.code() + "\n" + explain + "\n" + json.writeValueAsString(sent));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A validated request is always JSON", e);
        }
        String key = explicit ? "header\n" + header.strip()
                : "run\n" + sent.runId().strip() + "\n" + Diagnoser.failingStep(sent, knowledge) + "\n" + request;
        return Optional.of(new IdempotencyKey(sha256(key), request, explicit));
    }

    /**
     * The key of a failed run delivered by a log such as a Kafka topic, which may deliver a record more than once
     * (after a rebalance, a restart, or a producer's retry): the run id and the step that failed name it, whatever
     * else the copy carries, so a copy is never counted or e-mailed again. A run without a run id is named by
     * where the log delivered it (topic, partition and offset), which a redelivery repeats.
     */
    static IdempotencyKey ofDelivery(RunReport sent, String deliveredAt, KnowledgeBase knowledge) {
        String key = sent.runId() == null || sent.runId().isBlank() ? "delivery\n" + deliveredAt
                : "delivered-run\n" + sent.runId().strip() + "\n" + Diagnoser.failingStep(sent, knowledge);
        String hash = sha256(key);
        // Any copy under the key is the same request: never refused as a conflict, always answered as before.
        return new IdempotencyKey(hash, hash, false);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }
}
