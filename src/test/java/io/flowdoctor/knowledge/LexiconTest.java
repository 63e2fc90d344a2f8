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

    @ParameterizedTest(name = "''{0}'': the not-found words are about {1}")
    @CsvSource(delimiter = '|', value = {
            // the first subject of the clause before the words, whatever else the message names
            "the item in list docs was not found: it may have been deleted by another user | item-subject",
            "file a.xlsx in list docs: the file does not exist | item-subject",
            "the list does not exist. it may have been deleted by another user | definition-subject",
            // none before them: the nearest after them
            "could not find a table named orders for user 5 | definition-subject",
            // two subjects that start at one place: the longer
            "entity key does not exist for entity orders | item-subject",
            // a language whose phrases end in their head: the nearest before
            "リスト docs のファイルが見つかりません | item-subject" })
    void theSubjectOfTheWordingsClauseIsWhatItIsAbout(String message, String subject) {
        Lexicon lexicon = new Lexicon(List.of(
                phrase("not-found", "en", "does not exist"),
                phrase("not-found", "en", "could not find"),
                phrase("not-found", "en", "not found"),
                phrase("not-found", "ja", "見つかりません"),
                phrase("item-subject", "en", "item*"),
                phrase("item-subject", "ja", "ファイル"),
                phrase("definition-subject", "ja", "リスト"),
                phrase("item-subject", "en", "file*"),
                phrase("item-subject", "en", "user*"),
                phrase("item-subject", "en", "entity key"),
                phrase("definition-subject", "en", "list"),
                phrase("definition-subject", "en", "table*"),
                phrase("definition-subject", "en", "entity")),
                List.of());

        List<Lexicon.Nearest> nearest = lexicon.subjects(message, List.of(), lexicon.signals(message));

        assertEquals(List.of(new Lexicon.Nearest("not-found", subject)), nearest);
    }

    @Test
    void aMessageThatNamesOneKindOfSubjectHasNothingToChoose() {
        Lexicon lexicon = new Lexicon(List.of(
                phrase("not-found", "en", "not found"),
                phrase("item-subject", "en", "item*"),
                phrase("item-subject", "en", "file*"),
                phrase("definition-subject", "en", "list")),
                List.of());
        String message = "the item was not found in the file";

        assertEquals(List.of(), lexicon.subjects(message, List.of(), lexicon.signals(message)));
    }

    @Test
    void aWordingRunTogetherIsReadOnItsOwn() {
        Lexicon lexicon = new Lexicon(List.of(
                phrase("not-found", "en", "not found"),
                phrase("item-subject", "en", "item*"),
                phrase("definition-subject", "en", "list")),
                List.of());
        String message = "itemnotfound: the list has no such entry";
        List<String> compounds = Lexicon.compoundWords("ItemNotFound: the list has no such entry");

        assertEquals(List.of(new Lexicon.Nearest("not-found", "item-subject")),
                lexicon.subjects(message, compounds, lexicon.signals(message, compounds)));
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
                List.of(new Lexicon.Match("not-found", "not found", "en", false),
                        new Lexicon.Match("item-subject", "item*", "en", false)),
                signals);
        assertEquals(Set.of("aadsts50173"), lexicon.codes("the item was not found, item not found (aadsts50173)"));
    }

    @Test
    void phrasesWhoseLiteralPartsOverlapOrAreSharedAreAllFoundAndTheFirstInTheLexiconNamesTheSignal() {
        Lexicon lexicon = new Lexicon(List.of(
                phrase("timed-out", "en", "gateway timeout"), // "timeout" ends inside it, "gateway" starts it
                phrase("timed-out", "en", "timeout"),
                phrase("gateway-timeout", "en", "gateway time*"), // shares the literal part "gateway" with the first
                phrase("internal-error", "en", "error"), // a literal part inside another one's word: no match
                phrase("not-found", "en", "found")),
                List.of());

        assertEquals(List.of(new Lexicon.Match("timed-out", "gateway timeout", "en", false),
                new Lexicon.Match("gateway-timeout", "gateway time*", "en", false)),
                lexicon.signals("504 gateway timeout from the backend: no errors"));
        assertEquals(
                List.of(new Lexicon.Match("timed-out", "timeout", "en", false),
                        new Lexicon.Match("not-found", "found", "en", false)),
                lexicon.signals("a timeout, and the record was not found"));
    }

    @Test
    void theKeysOfAJsonBodyAreNoWordsOfTheMessageButItsValuesAre() {
        Lexicon lexicon = new Lexicon(List.of(phrase("item-subject", "en", "message*"), phrase("not-found", "en", "not found")),
                List.of());

        assertEquals(List.of(), lexicon.signals("{\"error\":{\"code\":\"badrequest\",\"message\":\"the url is wrong\"}}"));
        assertEquals(List.of(), lexicon.signals("{\\\"error\\\": {\\\"message\\\" : \\\"the url is wrong\\\"}}"));
        assertEquals(
                List.of(new Lexicon.Match("item-subject", "message*", "en", false),
                        new Lexicon.Match("not-found", "not found", "en", false)),
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

        assertEquals(List.of(new Lexicon.Match("not-found", "not found", "en", false)), lexicon.signals(NormalForm.text(raw)));
        assertEquals(
                List.of(new Lexicon.Match("not-found", "not found", "en", false),
                        new Lexicon.Match("gateway-timeout", "gateway timeout", "en", false)),
                lexicon.signals(NormalForm.text(raw), Lexicon.compoundWords(raw)));
    }

    @Test
    void anErrorCodeOfWordsRunTogetherIsReadAsWords() {
        assertEquals(List.of("certificate expired"), Lexicon.codeWords(" CertificateExpired "));
        assertEquals(List.of("invalid url consecutive slashes"), Lexicon.codeWords("InvalidUrlConsecutiveSlashes"));
        assertEquals(List.of("account inactive"), Lexicon.codeWords("account_inactive"));
        assertEquals(List.of("aad application disabled"), Lexicon.codeWords("AADApplicationDisabled"));
        assertEquals(List.of("request resource not found"), Lexicon.codeWords("Request_ResourceNotFound"));
        // digits, upper-case codes and a single word carry no phrase of their own
        for (String code : new String[] { "0x80048d0b", "AADSTS50097", "REQUEST_LIMIT_EXCEEDED", "Denied", "", null }) {
            assertEquals(List.of(), Lexicon.codeWords(code), String.valueOf(code));
        }
    }

    @Test
    void theSignalsOfAnErrorCodesWordsSayWhereTheyWereRead() {
        Lexicon lexicon = new Lexicon(List.of(phrase("credentials-expired", "en", "certificate ... expired")), List.of());

        assertEquals(List.of(new Lexicon.Match("credentials-expired", "certificate ... expired", "en", true)),
                lexicon.codeSignals(Lexicon.codeWords("CertificateExpired")));
        assertEquals(List.of(), lexicon.codeSignals(Lexicon.codeWords("ResourceNotFound")));
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
    void aLanguageLeftWithoutPhrasesIsRefusedNamingItsSignal() throws IOException {
        Path knowledge = copyOfProjectKnowledge();
        Files.writeString(knowledge.resolve("lexicon/extra.yaml"), "permission-denied:\n  en:\n    - access denied\n  sv:\n");

        KnowledgeBaseException refused = assertThrows(KnowledgeBaseException.class, () -> KnowledgeBaseLoader.load(knowledge));

        assertEquals(List.of("knowledge-base/lexicon/extra.yaml:1: permission-denied (sv) has no phrases"), refused.problems());
    }

    @Test
    void aSignalLeftWithoutLanguagesIsRefused() throws IOException {
        Path knowledge = copyOfProjectKnowledge();
        Files.writeString(knowledge.resolve("lexicon/extra.yaml"),
                "permission-denied:\n  en:\n    - access denied\nleftover:\n");

        KnowledgeBaseException refused = assertThrows(KnowledgeBaseException.class, () -> KnowledgeBaseLoader.load(knowledge));

        assertEquals(List.of("knowledge-base/lexicon/extra.yaml:4: leftover has no phrases"), refused.problems());
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
