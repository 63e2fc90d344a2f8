package io.flowdoctor.history;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.flowdoctor.FlowDoctorConfig;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

/**
 * Outage cases: when {@code flowdoctor.outages.flows} flows fail with one signature (connector, category, error code)
 * within {@code flowdoctor.outages.window}, one case links them all, and later failures with the signature join it
 * while it is open. It resolves when every linked flow has recovered. A failure locks the flow's row first (the
 * diagnosis' transaction does) and then the signature's row, so the flows in the window, the one open case per
 * signature and its counts are exact with any number of instances on one database.
 */
@ApplicationScoped
public class OutageService {

    /** Each part is cut to this length, so a signature fits its column whatever the request carried. */
    private static final int PART = 200;

    private final FlowDoctorConfig.Outages config;
    private final boolean postgres;

    public OutageService(FlowDoctorConfig config,
            @ConfigProperty(name = "quarkus.datasource.db-kind", defaultValue = "h2") String dbKind) {
        this.config = config.outages();
        this.postgres = dbKind.toLowerCase(java.util.Locale.ROOT).startsWith("postgres");
    }

    /** What makes failures of many flows one outage. */
    public record Signature(String connector, String category, String errorCode) {

        public Signature {
            connector = cut(connector);
            errorCode = cut(errorCode);
        }

        public String key() {
            return Stream.of(category, connector, errorCode).map(part -> part == null ? "" : part)
                    .collect(Collectors.joining("|"));
        }

        private static String cut(String part) {
            return part == null || part.length() <= PART ? part : part.substring(0, PART);
        }
    }

    /** What a failure came to: not part of an outage, part of one, or the signature's row must exist first. */
    public sealed interface Outcome {
    }

    /** The failure is not part of an outage (yet). */
    public record Alone() implements Outcome {
    }

    /**
     * @param opened whether this failure opened the outage
     * @param ownerNotified whether the flow's owner has already been told of this outage
     */
    public record Linked(UUID outageId, boolean opened, boolean ownerNotified) implements Outcome {
    }

    /** Nothing was written: {@link #ensureExists} first, then the failure again. */
    public record SignatureUnknown() implements Outcome {
    }

    /** An outage case as the API shows it. */
    public record OutageView(UUID id, String connector, String category, String errorCode, OutageStatus status,
            Instant openedAt, Instant updatedAt, Instant resolvedAt, int flows, int recoveredFlows, int failures,
            String note, List<LinkedFlow> linkedFlows) {
    }

    /** A flow an outage links. */
    public record LinkedFlow(String flowId, Instant linkedAt, Instant lastFailedAt, int failures, Instant recoveredAt,
            Instant ownerNotifiedAt) {
    }

    /** Whether failures with this category can be part of an outage, by configuration. */
    public boolean considers(String connector, String category) {
        return config.enabled() && connector != null && !connector.isBlank() && config.categories().contains(category);
    }

    /**
     * Counts a failure of the flow towards its signature's outage, in the diagnosis' transaction, which holds the
     * flow's row.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Outcome onFailure(Signature signature, String flowId, Instant failedAt, Instant recordedAt) {
        String key = signature.key();
        OutageWatch watch = OutageWatch.findById(key, LockModeType.PESSIMISTIC_WRITE);
        if (watch == null) {
            return new SignatureUnknown();
        }
        OutageSighting sighting = OutageSighting.findById(new OutageSighting.Key(key, flowId));
        if (sighting == null) {
            sighting = new OutageSighting();
            sighting.signature = key;
            sighting.flowId = flowId;
            sighting.lastFailedAt = failedAt;
            sighting.persist();
        } else if (failedAt.isAfter(sighting.lastFailedAt)) {
            sighting.lastFailedAt = failedAt;
        }

        OutageCase open = watch.openOutageId == null ? null : OutageCase.findById(watch.openOutageId);
        if (open != null && open.status == OutageStatus.OPEN) {
            OutageFlow link = link(open, flowId, failedAt, recordedAt);
            open.failures++;
            open.updatedAt = recordedAt;
            return new Linked(open.id, false, link.ownerNotifiedAt != null);
        }

        Instant since = failedAt.minus(config.window());
        if (watch.lastResolvedAt != null && watch.lastResolvedAt.isAfter(since)) {
            since = watch.lastResolvedAt;
        }
        Panache.getEntityManager().flush();
        long flows = OutageSighting.count("signature = ?1 and lastFailedAt > ?2", key, since);
        if (flows < config.flows()) {
            return new Alone();
        }
        OutageCase outage = new OutageCase();
        outage.id = UUID.randomUUID();
        outage.signature = key;
        outage.connector = signature.connector();
        outage.category = signature.category();
        outage.errorCode = signature.errorCode();
        outage.status = OutageStatus.OPEN;
        outage.openedAt = recordedAt;
        outage.updatedAt = recordedAt;
        outage.note = null;
        outage.persist();
        watch.openOutageId = outage.id;
        for (OutageSighting seen : OutageSighting.<OutageSighting> list("signature = ?1 and lastFailedAt > ?2", key, since)) {
            if (seen.flowId.equals(flowId) || !recoveredSince(seen)) {
                link(outage, seen.flowId, seen.lastFailedAt, recordedAt);
                outage.failures++;
            }
        }
        return new Linked(outage.id, true, false);
    }

    /** A flow that recovered after its last failure with the signature is not part of the outage. */
    private static boolean recoveredSince(OutageSighting seen) {
        FlowState state = FlowState.findById(seen.flowId);
        return state != null && state.lastRecoveredAt != null && state.lastRecoveredAt.isAfter(seen.lastFailedAt);
    }

    private static OutageFlow link(OutageCase outage, String flowId, Instant failedAt, Instant at) {
        OutageFlow link = OutageFlow.findById(new OutageFlow.Key(outage.id, flowId));
        if (link == null) {
            link = new OutageFlow();
            link.outageId = outage.id;
            link.flowId = flowId;
            link.linkedAt = at;
            link.lastFailedAt = failedAt;
            link.persist();
            outage.flows++;
        } else if (link.recoveredAt != null) {
            link.recoveredAt = null; // failed again after it recovered
            outage.recoveredFlows--;
        }
        if (failedAt.isAfter(link.lastFailedAt)) {
            link.lastFailedAt = failedAt;
        }
        link.failures++;
        return link;
    }

    /** Creates the signature's row unless it exists; never inside a transaction. */
    @Transactional(Transactional.TxType.NEVER)
    public void ensureExists(Signature signature) {
        String key = signature.key();
        if (exists(key)) {
            return;
        }
        try {
            // An insert that leaves a row another request made meanwhile alone, rather than failing on it.
            QuarkusTransaction.requiringNew().run(() -> Panache.getEntityManager().createNativeQuery(postgres
                    ? "insert into outage_watch (signature) values (?1) on conflict do nothing"
                    : "merge into outage_watch (signature) key (signature) values (?1)")
                    .setParameter(1, key).executeUpdate());
        } catch (RuntimeException e) {
            // Another request may have created it first: then the row is there, which is all that was asked.
            try {
                if (exists(key)) {
                    return;
                }
            } catch (RuntimeException alsoFailed) {
                e.addSuppressed(alsoFailed);
            }
            throw e;
        }
    }

    private static boolean exists(String key) {
        return QuarkusTransaction.requiringNew().call(() -> OutageWatch.count("signature", key) > 0);
    }

    /** The owner of the flow has been e-mailed about the outage: no further e-mail of the flow for it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void ownerNotified(UUID outageId, String flowId, Instant at) {
        OutageFlow link = OutageFlow.findById(new OutageFlow.Key(outageId, flowId));
        if (link != null && link.ownerNotifiedAt == null) {
            link.ownerNotifiedAt = at;
        }
    }

    /**
     * A flow recovered: its links to open outages are marked recovered and each outage annotated with how many of its
     * flows have; the outage resolves when all have. Runs in the recovery's transaction, which holds the flow's row.
     *
     * @return the outages the recovery annotated
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<UUID> onRecovery(String flowId, Instant at) {
        List<UUID> annotated = new ArrayList<>();
        for (OutageFlow link : OutageFlow.<OutageFlow> list("flowId = ?1 and recoveredAt is null", flowId)) {
            // The signature first, unlocked and without loading the case, then the signature's lock, then the case.
            Optional<String> key = Panache.getEntityManager()
                    .createQuery("select c.signature from OutageCase c where c.id = ?1 and c.status = ?2", String.class)
                    .setParameter(1, link.outageId).setParameter(2, OutageStatus.OPEN).getResultStream().findFirst();
            if (key.isEmpty()) {
                continue;
            }
            OutageWatch watch = OutageWatch.findById(key.get(), LockModeType.PESSIMISTIC_WRITE);
            OutageCase outage = OutageCase.findById(link.outageId);
            Panache.getEntityManager().refresh(outage);
            if (outage.status != OutageStatus.OPEN) {
                continue;
            }
            link.recoveredAt = at;
            outage.recoveredFlows++;
            outage.updatedAt = at;
            if (outage.recoveredFlows >= outage.flows) {
                outage.status = OutageStatus.RESOLVED;
                outage.resolvedAt = at;
                outage.note = "Every linked flow has recovered (" + outage.flows + ")";
                if (watch != null && outage.id.equals(watch.openOutageId)) {
                    watch.openOutageId = null;
                    watch.lastResolvedAt = at;
                }
            } else {
                outage.note = outage.recoveredFlows + " of " + outage.flows + " linked flows have recovered";
            }
            annotated.add(outage.id);
        }
        return annotated;
    }

    @Transactional
    public PageOf<OutageView> list(OutageStatus status, int page, int size) {
        var found = status == null
                ? OutageCase.<OutageCase> findAll(Sort.descending("updatedAt").and("id"))
                : OutageCase.<OutageCase> find("status", Sort.descending("updatedAt").and("id"), status);
        List<OutageView> items = found.page(Page.of(page, size)).list().stream().map(c -> view(c, List.of())).toList();
        return new PageOf<>(items, page, size, found.count());
    }

    /** One outage with the flows it links, the latest failure first. */
    @Transactional
    public OutageView find(UUID id) {
        OutageCase outage = OutageCase.<OutageCase> findByIdOptional(id).orElseThrow(() -> CaseProblem.noOutage(id));
        List<LinkedFlow> flows = OutageFlow.<OutageFlow> find("outageId", Sort.descending("lastFailedAt").and("flowId"), id)
                .stream().map(f -> new LinkedFlow(f.flowId, f.linkedAt, f.lastFailedAt, f.failures, f.recoveredAt,
                        f.ownerNotifiedAt))
                .toList();
        return view(outage, flows);
    }

    private static OutageView view(OutageCase c, List<LinkedFlow> flows) {
        return new OutageView(c.id, c.connector, c.category, c.errorCode, c.status, c.openedAt, c.updatedAt, c.resolvedAt,
                c.flows, c.recoveredFlows, c.failures, c.note, flows);
    }
}
