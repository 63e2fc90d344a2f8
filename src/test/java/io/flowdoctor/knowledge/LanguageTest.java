package io.flowdoctor.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguageTest {

    @ParameterizedTest(name = "locale={0}, Accept-Language={1} -> {2}")
    @CsvSource(nullValues = "null", value = {
            "nl, null, NL",
            "nl-NL, null, NL",
            "nl_BE, null, NL",
            "EN-gb, null, EN",
            "fr, nl, EN",
            "null, 'nl-NL,nl;q=0.9,en;q=0.8', NL",
            "null, 'fr-FR,fr;q=0.9,nl;q=0.5', NL",
            "null, 'de-DE', EN",
            "null, '*;q=oops', EN",
            "'', 'nl', NL",
            "null, null, EN",
    })
    void explicitLocaleThenAcceptLanguageThenEnglish(String locale, String acceptLanguage, Language expected) {
        assertEquals(expected, Language.resolve(locale, acceptLanguage));
    }
}
