package io.flowdoctor.diagnosis;

import io.flowdoctor.knowledge.Lexicon;

/**
 * Fact: a canonical signal the failing step's message carries (permission-denied, not-found, timed-out,
 * ...), found once per request by the lexicon of knowledge-base/lexicon/.
 *
 * @param name the signal, as rules compare it: {@code Signal(name == "permission-denied")}
 * @param phrase the lexicon phrase that matched
 * @param language the language of that phrase
 * @param inErrorCode the phrase was read in the words of the step's error code ("CertificateExpired"), not in its message
 */
public record Signal(String name, String phrase, String language, boolean inErrorCode) {

    static Signal of(Lexicon.Match match) {
        return new Signal(match.signal(), match.phrase(), match.language(), match.inErrorCode());
    }
}
