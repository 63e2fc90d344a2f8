package io.flowdoctor.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The one form messages and phrases are compared in. */
class NormalFormTest {

    @Test
    void escapedWhiteSpaceTypographicQuotesAndRunsOfSpacesBecomeOneForm() {
        assertEquals("the file 'a.txt' was not found", NormalForm.text("The file \u2018a.txt\u2019\\r\\n  was\tnot found "));
    }

    @Test
    void spacesPercentEncodedInAUrlAreSpaces() {
        assertEquals("oauth_problem=rate limit exceeded&oauth_problem_advice=please wait",
                NormalForm.text("oauth_problem=rate%20limit%20exceeded&oauth_problem_advice=please%20wait"));
    }

    @Test
    void theTurkishDottedCapitalIReadsAsAPlainI() {
        assertEquals("ifade geçersiz", NormalForm.text("\u0130fade ge\u00e7ersiz"));
    }
}
