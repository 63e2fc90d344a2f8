package io.flowdoctor.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

import io.flowdoctor.rulebase.EvaluationBounds;
import io.flowdoctor.rulebase.RuleEvaluationOverrun;
import io.flowdoctor.rulebase.RuleRef;

/** Problems that are hard to cause through HTTP with the shipped rules. */
class ProblemMapperTest {

    @Test
    void aRuleEvaluationThatDidNotStopIsA500NamingTheRules() {
        RuleRef loop = new RuleRef("FTP-099", "A failed FTP listing keeps finding more", "rules/connectors/ftp.drl");
        RuleEvaluationOverrun overrun = new RuleEvaluationOverrun(RuleEvaluationOverrun.Bound.FIRINGS, 10_001,
                Duration.ofMillis(40), EvaluationBounds.DEFAULT, List.of(loop));

        Response response = new ProblemMapper().ruleOverrun(overrun);

        assertEquals(500, response.getStatus());
        assertEquals(Problem.MEDIA_TYPE, response.getMediaType().toString());
        Problem problem = (Problem) response.getEntity();
        assertEquals("https://flowdoctor.io/problems/rule-evaluation-overrun", problem.type());
        assertEquals("The rules did not stop", problem.title());
        assertEquals(List.of(loop), problem.rules());
        assertTrue(problem.detail().startsWith("The rules did not stop: 10001 firings in 40 ms reached the limit of 10000 "
                + "firings; still firing: 'A failed FTP listing keeps finding more' (FTP-099, rules/connectors/ftp.drl)"),
                problem.detail());
    }
}
