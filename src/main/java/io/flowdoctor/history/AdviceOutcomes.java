package io.flowdoctor.history;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.flowdoctor.FlowDoctorConfig;
import io.quarkus.panache.common.Sort;

/**
 * What became of the advice: a recovery of the flow within the window after a diagnosis credits that
 * diagnosis' rules and tips; the same failure of the flow again within the window marks the earlier
 * diagnosis as repeated (its advice did not help).
 */
@ApplicationScoped
public class AdviceOutcomes {

    private final Duration window;

    public AdviceOutcomes(FlowDoctorConfig config) {
        this.window = config.effectiveness().window();
    }

    /** How one rule's or tip's advice fared. The median is null until a recovery was credited. */
    public record Effectiveness(long given, long recoveries, Duration medianTimeToRecovery, long repeats) {
    }

    /** A diagnosis credited with a recovery. */
    public record Credited(UUID diagnosisId, String primaryRuleId, Duration timeToRecovery) {
    }

    /**
     * Marks the flow's earlier diagnoses of this failure within the window, neither credited nor marked
     * yet, as repeated; in the diagnosis' transaction, before the new one is recorded.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int markRepeats(String flowId, String signature, Instant at) {
        return DiagnosisOutcome.update("repeated = true where flowId = ?1 and signature = ?2 and repeated = false "
                + "and recoveredAt is null and recordedAt >= ?3", flowId, signature, at.minus(window));
    }

    /** Credits the flow's latest diagnosis within the window with its recovery; empty when there is none to credit. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Credited> creditRecovery(String flowId, Instant recoveredAt) {
        Optional<DiagnosisOutcome> latest = DiagnosisOutcome.<DiagnosisOutcome> find(
                "flowId = ?1 and recordedAt >= ?2 and recordedAt <= ?3", Sort.descending("recordedAt"),
                flowId, recoveredAt.minus(window), recoveredAt).firstResultOptional();
        return latest.filter(outcome -> outcome.recoveredAt == null && !outcome.repeated).map(outcome -> {
            Duration took = Duration.between(outcome.recordedAt, recoveredAt);
            outcome.recoveredAt = recoveredAt;
            outcome.secondsToRecovery = took.toSeconds();
            return new Credited(outcome.diagnosisId, outcome.diagnosis.primaryRuleId, took);
        });
    }

    /** Per rule id: the diagnoses it fired in, and how they fared. */
    @Transactional
    public Map<String, Effectiveness> byRule() {
        return effectiveness("FiredRuleRecord", "ruleId");
    }

    /** Per tip id: the diagnoses that gave it, and how they fared. */
    @Transactional
    public Map<String, Effectiveness> byTip() {
        return effectiveness("GivenTipRecord", "tipId");
    }

    /** Over the rows of an entity that names a diagnosis and an id (a rule's, a tip's). */
    private static Map<String, Effectiveness> effectiveness(String entity, String id) {
        var entityManager = DiagnosisOutcome.getEntityManager();
        String rows = " from " + entity + " a join DiagnosisOutcome d on d.diagnosis = a.diagnosis ";
        Map<String, List<Long>> times = new HashMap<>();
        for (Object[] row : entityManager.createQuery("select a." + id + ", d.secondsToRecovery" + rows
                + "where d.secondsToRecovery is not null order by a." + id + ", d.secondsToRecovery", Object[].class)
                .getResultList()) {
            times.computeIfAbsent((String) row[0], key -> new ArrayList<>()).add(((Number) row[1]).longValue());
        }
        Map<String, Effectiveness> result = new HashMap<>();
        for (Object[] row : entityManager.createQuery("select a." + id + ", count(a), "
                + "sum(case when d.recoveredAt is not null then 1 else 0 end), "
                + "sum(case when d.repeated = true then 1 else 0 end)" + rows + "group by a." + id, Object[].class)
                .getResultList()) {
            String key = (String) row[0];
            result.put(key, new Effectiveness(((Number) row[1]).longValue(), ((Number) row[2]).longValue(),
                    median(times.getOrDefault(key, List.of())), ((Number) row[3]).longValue()));
        }
        return result;
    }

    /** Of sorted seconds; the mean of the two middle ones for an even count. */
    static Duration median(List<Long> sortedSeconds) {
        int n = sortedSeconds.size();
        if (n == 0) {
            return null;
        }
        long middle = n % 2 == 1 ? sortedSeconds.get(n / 2) * 2 : sortedSeconds.get(n / 2 - 1) + sortedSeconds.get(n / 2);
        return Duration.ofMillis(middle * 500);
    }
}
