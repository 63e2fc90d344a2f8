package io.flowdoctor.diagnosis;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.flowdoctor.diagnosis.Diagnosis.Explanation;
import io.flowdoctor.diagnosis.Diagnosis.MatchedFact;
import io.flowdoctor.knowledge.KnowledgeBase;
import io.flowdoctor.knowledge.Language;
import io.flowdoctor.rulebase.Derived;
import io.flowdoctor.rulebase.RuleMatch;

/** Why each conclusion was drawn: per fired rule, the facts it matched and what it concluded from them. */
final class Explanations {

    private Explanations() {
    }

    static List<Explanation> of(Conclusions conclusions, KnowledgeBase knowledge, Language language) {
        List<Explanation> explanations = new ArrayList<>();
        for (RuleMatch match : conclusions.matches()) {
            List<MatchedFact> matched = match.facts().stream().map(Explanations::matchedFact).toList();
            String evidence = conclusions.evidence(match.rule(), knowledge, language);
            explanations.add(new Explanation(match.rule().ruleId(), match.rule().rule(), match.rule().file(),
                    matched, evidence, concluded(conclusions, match)));
        }
        return explanations;
    }

    private static List<String> concluded(Conclusions conclusions, RuleMatch match) {
        List<String> concluded = new ArrayList<>();
        for (List<? extends Derived<?>> derived : List.of(conclusions.findings(), conclusions.recommendations(),
                conclusions.resubmits(), conclusions.escalations())) {
            derived.stream()
                    .filter(fact -> Objects.equals(fact.rule(), match.rule()))
                    .map(fact -> fact.fact().toString())
                    .forEach(concluded::add);
        }
        return concluded;
    }

    private static MatchedFact matchedFact(Object fact) {
        Map<String, Object> values = new LinkedHashMap<>();
        if (fact.getClass().isRecord()) {
            for (RecordComponent component : fact.getClass().getRecordComponents()) {
                values.put(component.getName(), valueOf(component, fact));
            }
        }
        return new MatchedFact(fact.getClass().getSimpleName(), values);
    }

    private static Object valueOf(RecordComponent component, Object fact) {
        try {
            Object value = component.getAccessor().invoke(fact);
            return value instanceof Enum<?> || value instanceof Number || value instanceof Boolean || value == null
                    ? value
                    : value.toString();
        } catch (IllegalAccessException | InvocationTargetException e) {
            return "(unreadable)";
        }
    }
}
