package io.flowdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NormalizerTest {

    @Test
    void textIsLowerCaseWithSingleSpaces() {
        assertEquals("rate limit is exceeded. try again in 5 seconds.",
                Normalizer.text("  Rate\tlimit  is\r\nEXCEEDED.\u00A0Try again in 5 seconds. "));
    }

    @Test
    void fullWidthAndCompatibilityCharactersAreFolded() {
        assertEquals("unauthorized", Normalizer.text("ＵＮＡＵＴＨＯＲＩＺＥＤ"));
    }

    @Test
    void spacesPercentEncodedInAUrlAreSpaces() {
        assertEquals("oauth_problem=rate limit exceeded&oauth_problem_advice=please wait",
                Normalizer.text("oauth_problem=rate%20limit%20exceeded&oauth_problem_advice=please%20wait"));
    }

    @Test
    void theTurkishDottedCapitalIReadsAsAPlainI() {
        assertEquals("ifade geçersiz", Normalizer.text("\u0130fade ge\u00e7ersiz"));
    }

    @Test
    void missingTextIsEmpty() {
        assertEquals("", Normalizer.text(null));
        assertEquals("", Normalizer.identifier(null));
    }

    @ParameterizedTest(name = "\"{0}\" asks for {1} s")
    @CsvSource(delimiter = '|', value = {
            "rate limit is exceeded. try again in 23 seconds. | 23",
            "please retry after 60 seconds | 60",
            "{\"headers\":{\"retry-after\":\"120\"}} | 120",
            "retry-after: 7 | 7",
            "te veel aanvragen. probeer het over 15 seconden opnieuw. | 15",
    })
    void waitHintsAreRead(String text, int seconds) {
        assertEquals(seconds, Normalizer.retryAfterSeconds(text));
    }

    @Test
    void noHintMeansNoWait() {
        assertNull(Normalizer.retryAfterSeconds("too many requests"));
        assertNull(Normalizer.retryAfterSeconds("try again later"));
    }
}
