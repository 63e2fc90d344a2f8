package io.flowdoctor.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class GapSignatureTest {

    @Test
    void whatDiffersBetweenTwoFailuresOfOneKindIsMasked() {
        String one = "Item 'Quarterly report.xlsx' of jan.jansen@contoso.com could not be saved: request "
                + "3f2504e0-4f89-11d3-9a0c-0305e82c3301 at 2026-11-27T10:15:00Z, see https://contoso.sharepoint.com/sites/a?x=1 "
                + "(attempt 3 of 5, token A1B2C3D4E5F6A7B8C9D0)";
        String two = "Item \"Budget 2027\" of piet@fabrikam.nl could not be saved: request "
                + "9b2c1d4e-0000-4000-8000-123456789abc at 2026-12-01T08:00:00.123+01:00, see http://fabrikam.example/x "
                + "(attempt 1 of 5, token ZZ99YY88XX77WW66VV55)";
        GapSignature first = GapSignature.of("shared_widgets", "SaveItem", "WidgetFailed", one);
        GapSignature second = GapSignature.of("Shared_Widgets", "saveitem", "widgetfailed", two);

        assertEquals("item '<name>' of <email> could not be saved: request <id> at <time>, see <url> "
                + "(attempt <n> of <n>, token <id>)", first.template());
        assertEquals(first, second);
        assertEquals(first.hash(), second.hash());
    }

    @Test
    void theTemplateKeepsNoAddressNameOrNumberOfThePerson() {
        String template = GapSignature.template("Mailbox of Jan.de.Vries@contoso.com for user 'Jan de Vries' "
                + "(employee 120456) on 27/11/2026 10:15");
        assertFalse(template.contains("vries"), template);
        assertFalse(template.contains("120456"), template);
        assertFalse(template.contains("2026"), template);
    }

    @Test
    void anApostropheInAWordDoesNotStartAName() {
        assertEquals("the flow can't reach '<name>' now", GapSignature.template("The flow can't reach 'Orders' now"));
    }

    @Test
    void connectorOperationAndCodeEachTellGapsApart() {
        String message = "Something went wrong";
        List<GapSignature> signatures = List.of(GapSignature.of("a", "op", "code", message),
                GapSignature.of("b", "op", "code", message), GapSignature.of("a", "other", "code", message),
                GapSignature.of("a", "op", "other", message), GapSignature.of("a", "op", "code", "Something else"));
        assertEquals(signatures.size(), signatures.stream().map(GapSignature::hash).distinct().count());
    }

    @Test
    void partsAreHashedWithTheirLengthsSoTheyCannotBeShifted() {
        assertNotEquals(new GapSignature("ab", "c", "", "").hash(), new GapSignature("a", "bc", "", "").hash());
    }

    @Test
    void aLongMessageGivesATemplateThatFitsItsColumn() {
        assertEquals(GapSignature.TEMPLATE_LENGTH, GapSignature.template("word ".repeat(1000)).length());
        assertEquals("", GapSignature.template(null));
    }
}
