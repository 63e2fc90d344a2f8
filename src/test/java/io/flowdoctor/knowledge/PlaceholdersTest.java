package io.flowdoctor.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The one placeholder filler (Qute): one pass, one rule for missing values. */
class PlaceholdersTest {

    @Test
    void aTextShowsADashForAMissingValueAndLeavesOtherPlaceholdersAlone() {
        Map<String, Object> values = new HashMap<>();
        values.put("flowName", "Leave request");
        values.put("runId", null);

        assertEquals("Flow Leave request, run -, {unknown}",
                Placeholders.fill("Flow {flowName}, run {runId}, {unknown}", values));
    }

    @Test
    void aValueIsNeverExpandedAgain() {
        assertEquals("Flow {runId}", Placeholders.fill("Flow {flowName}", Map.of("flowName", "{runId}", "runId", "r-1")));
    }

    @Test
    void aValueNamingAnotherPlaceholderIsShownAsItIs() {
        assertEquals("Flow {runId} failed in run r-1, step -",
                Placeholders.fill("Flow {flowName} failed in run {runId}, step {action}",
                        Map.of("flowName", "{runId}", "runId", "r-1", "action", " ")));
    }

    @Test
    void aLinkWithAMissingIdIsLeftOutInsteadOfBuiltWithAnEmptySegment() {
        Map<String, String> ids = new HashMap<>();
        ids.put("flowId", "f 1/2");
        ids.put("runId", "");

        assertEquals(Optional.empty(), Placeholders.link("https://make.example/flows/{flowId}/runs/{runId}", ids));
        assertEquals(Optional.of("https://make.example/flows/f%201%2F2/details"),
                Placeholders.link("https://make.example/flows/{flowId}/details", ids));
    }

    @Test
    void aLinkEncodesEachValueWhereItStands() {
        Map<String, String> ids = Map.of("flowId", "a?b#c/d e", "runId", "r&1=2");

        assertEquals(Optional.of("https://make.example/flows/a%3Fb%23c%2Fd%20e/runs?run=r%261%3D2"),
                Placeholders.link("https://make.example/flows/{flowId}/runs?run={runId}", ids));
    }

    @Test
    void aValueThatLooksLikeAPlaceholderIsNotFilledAgainInALink() {
        assertEquals(Optional.of("https://make.example/flows/%7BrunId%7D"),
                Placeholders.link("https://make.example/flows/{flowId}", Map.of("flowId", "{runId}", "runId", "r-1")));
    }

    @Test
    void aTextNamesOnlyThePlaceholdersItsFillerKnows() {
        assertEquals(List.of(), Placeholders.problems("Failed {count} time(s) since {firstFailedAt}", Placeholders.EMAIL));
        assertEquals(List.of(
                "unknown placeholder {cuont}; known here: {action}, {count}, {firstFailedAt}, {flowName}, {ownerName}, {title}"),
                Placeholders.problems("Failed {cuont} time(s)", Placeholders.EMAIL));
        assertEquals(List.of("a '{' opens no placeholder (write placeholders as {name})"),
                Placeholders.problems("Failed {count time(s)", Placeholders.EMAIL));
    }
}
