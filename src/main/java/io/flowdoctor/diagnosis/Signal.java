package io.flowdoctor.diagnosis;

/**
 * Fact: a canonical signal the failing step's message carries (permission-denied, not-found, timed-out,
 * ...), found once per request by the lexicon of knowledge-base/lexicon/.
 *
 * @param name the signal, as rules compare it: {@code Signal(name == "permission-denied")}
 * @param phrase the lexicon phrase that matched
 * @param language the language of that phrase
 * @param position where the signal's earliest phrase starts in the message; after every word of it (Integer.MAX_VALUE)
 *        when only a word run together in the message ("itemNotFound") carries it
 */
public record Signal(String name, String phrase, String language, int position) {
}
