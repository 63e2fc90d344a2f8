package io.flowdoctor.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.flowdoctor.ProjectRuleBase;

/** How lexicon phrases match normalised messages, and what the loader refuses. */
class LexiconTest {

    @TempDir
    Path workspace;

    @ParameterizedTest(name = "''{0}'' in ''{1}'' matches: {2}")
    @CsvSource(delimiter = '|', value = {
            "access denied | error: access denied. | true",
            "access denied | noaccess denied | false",
            "access denied | access deniedness | false",
            "permission* | you lack permissions here | true",
            "permission* | nopermission | false",
            "does not have ... permission* | the user does not have the required permissions | true",
            "does not have ... permission* | the user does not have a b c d e permissions | false",
            "does not have ... permission* | the user does not have permission | true",
            "niet gevonden | het item is niet gevonden. | true",
            "見つかりません | ファイルが見つかりませんでした | true",
            "n'existe pas | l'élément n'existe pas | true" })
    void phrasesMatchOnWordBoundariesWithStemsAndGaps(String phrase, String text, boolean matches) {
        assertEquals(matches, Lexicon.compile(phrase).matcher(text).find());
    }

    @Test
    void aMessageGetsEverySignalOnceWithThePhraseThatFoundIt() {
        Lexicon lexicon = new Lexicon(List.of(
                phrase("not-found", "en", "not found"),
                phrase("not-found", "nl", "niet gevonden"),
                phrase("item-subject", "en", "item*")),
                List.of(Pattern.compile("\\b(aadsts[0-9]{4,7})\\b")));

        List<Lexicon.Match> signals = lexicon.signals("the item was not found, item not found (aadsts50173)");

        assertEquals(
                List.of(new Lexicon.Match("not-found", "not found", "en"), new Lexicon.Match("item-subject", "item*", "en")),
                signals);
        assertEquals(Set.of("aadsts50173"), lexicon.codes("the item was not found, item not found (aadsts50173)"));
    }

    @Test
    void theKeysOfAJsonBodyAreNoWordsOfTheMessageButItsValuesAre() {
        Lexicon lexicon = new Lexicon(List.of(phrase("item-subject", "en", "message*"), phrase("not-found", "en", "not found")),
                List.of());

        assertEquals(List.of(), lexicon.signals("{\"error\":{\"code\":\"badrequest\",\"message\":\"the url is wrong\"}}"));
        assertEquals(List.of(), lexicon.signals("{\\\"error\\\": {\\\"message\\\" : \\\"the url is wrong\\\"}}"));
        assertEquals(
                List.of(new Lexicon.Match("item-subject", "message*", "en"), new Lexicon.Match("not-found", "not found", "en")),
                lexicon.signals("{\"message\": \"the message was not found\"}"));
    }

    @Test
    void wordsRunTogetherInCamelCaseAreReadAsWordsOutsideJsonKeys() {
        assertEquals(List.of("gateway timeout", "name already exists"),
                Lexicon.compoundWords("Status code 'GatewayTimeout', then nameAlreadyExists and GatewayTimeout again"));
        assertEquals(List.of("item not found"),
                Lexicon.compoundWords("{\"errorCode\": \"ItemNotFound\", \"requestId\": \"42\"}"));
        assertEquals(List.of("not in channel", "invalid grant"),
                Lexicon.compoundWords("{'ok': False, 'error': 'not_in_channel'} then invalid_grant"));
        assertEquals(List.of("aad application disabled", "sp query throttled exception"),
                Lexicon.compoundWords("status code 'AADApplicationDisabled' (SPQueryThrottledException)"));
        assertEquals(List.of(), Lexicon.compoundWords("HTTP 404 NOT_FOUND, ODataError, AADSTS50126 and a plain message"));
        assertEquals(List.of(), Lexicon.compoundWords(null));
    }

    @Test
    void aSignalFoundOnlyInACompoundWordIsAddedAfterThoseOfTheMessage() {
        Lexicon lexicon = new Lexicon(
                List.of(phrase("gateway-timeout", "en", "gateway timeout"), phrase("not-found", "en", "not found")),
                List.of());
        String raw = "The call failed: GatewayTimeout. Item not found";

        assertEquals(List.of(new Lexicon.Match("not-found", "not found", "en")), lexicon.signals(NormalForm.text(raw)));
        assertEquals(
                List.of(new Lexicon.Match("not-found", "not found", "en"),
                        new Lexicon.Match("gateway-timeout", "gateway timeout", "en")),
                lexicon.signals(NormalForm.text(raw), Lexicon.compoundWords(raw)));
    }

    @Test
    void theProjectsLexiconFindsSignalsInSeveralLanguages() {
        Lexicon lexicon = KnowledgeBaseLoader.load(ProjectRuleBase.KNOWLEDGE).lexicon();

        assertTrue(names(lexicon, "toegang geweigerd. u hebt geen machtiging.").contains("permission-denied"));
        assertTrue(names(lexicon, "zugriff verweigert").contains("access-refused"));
        assertFalse(names(lexicon, "zugriff verweigert").contains("permission-denied"));
        assertTrue(names(lexicon, "the user does not have permission to read the file").contains("permission-denied"));
        assertFalse(names(lexicon, "the file was uploaded").contains("permission-denied"));
        assertTrue(lexicon.codes("{\"error\":{\"code\":\"invalidtemplate\",\"message\":\"x\"}}").contains("invalidtemplate"));
    }

    @Test
    void aPhraseNotInTheNormalisedFormIsRefusedWithTheFormThatWouldMatch() throws IOException {
        Path knowledge = copyOfProjectKnowledge();
        Files.writeString(knowledge.resolve("lexicon/extra.yaml"), "permission-denied:\n  en:\n    - Access  Denied\n");

        KnowledgeBaseException refused = assertThrows(KnowledgeBaseException.class, () -> KnowledgeBaseLoader.load(knowledge));

        assertEquals(
                List.of("knowledge-base/lexicon/extra.yaml:3: permission-denied (en) phrase 'Access  Denied' can never match"
                        + " a message; write it as 'access denied'"),
                refused.problems());
    }

    @Test
    void aCodePatternWithoutAGroupIsRefused() throws IOException {
        Path knowledge = copyOfProjectKnowledge();
        Files.writeString(knowledge.resolve("code-patterns.yaml"), "- 'aadsts[0-9]+'\n");

        KnowledgeBaseException refused = assertThrows(KnowledgeBaseException.class, () -> KnowledgeBaseLoader.load(knowledge));

        assertEquals(List.of("knowledge-base/code-patterns.yaml: pattern 'aadsts[0-9]+' needs a group that captures the code"),
                refused.problems());
    }

    private static Set<String> names(Lexicon lexicon, String text) {
        return Set.copyOf(lexicon.signals(text).stream().map(Lexicon.Match::signal).toList());
    }

    private static Lexicon.Phrase phrase(String signal, String language, String text) {
        return Lexicon.Phrase.of(signal, language, text);
    }

    private Path copyOfProjectKnowledge() throws IOException {
        Path target = workspace.resolve("knowledge-base");
        try (Stream<Path> files = Files.walk(ProjectRuleBase.KNOWLEDGE)) {
            for (Path file : files.toList()) {
                Path copy = target.resolve(ProjectRuleBase.KNOWLEDGE.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy);
                }
            }
        }
        return target;
    }
}
