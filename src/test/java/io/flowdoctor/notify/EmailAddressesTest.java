package io.flowdoctor.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** An owner's address is one RFC 5321 mailbox, on an allowed domain when there is an allow-list. */
class EmailAddressesTest {

    @ParameterizedTest
    @ValueSource(strings = { "owner@example.com", "first.last+flows@sub.example.co.uk", "o'brien@example.com",
            "x@localhost", "a_b-c@xn--bcher-kva.example" })
    void oneMailboxIsAccepted(String address) {
        assertEquals(Optional.empty(), EmailAddresses.problem(address, Set.of()));
    }

    @ParameterizedTest
    @ValueSource(strings = { "owner", "owner@", "@example.com", "a@b.com, c@d.com", "a@b.com;c@d.com", "a@b.com c@d.com",
            "Owner <owner@example.com>", "\"quoted\"@example.com", "a..b@example.com", ".a@example.com", "a.@example.com",
            "a@-example.com", "a@example-.com", "a@example..com", "a@[127.0.0.1]", "a@b@example.com", "owner@exa mple.com",
            "(comment)owner@example.com" })
    void anythingElseIsRefused(String address) {
        assertTrue(EmailAddresses.problem(address, Set.of()).orElseThrow().contains("one e-mail address"), address);
    }

    @Test
    void overlongPartsAreRefused() {
        assertTrue(EmailAddresses.problem("a".repeat(65) + "@example.com", Set.of()).isPresent());
        assertTrue(EmailAddresses.problem("a@" + "b".repeat(64) + ".com", Set.of()).isPresent());
        assertTrue(EmailAddresses.problem("a@" + ("b".repeat(60) + ".").repeat(5) + "com", Set.of()).isPresent());
        assertEquals(Optional.empty(), EmailAddresses.problem("a".repeat(64) + "@" + "b".repeat(63) + ".com", Set.of()));
    }

    @Test
    void withAnAllowListOnlyItsDomainsAreAccepted() {
        Set<String> allowed = Set.of("contoso.com", "example.com");
        assertEquals(Optional.empty(), EmailAddresses.problem("owner@Contoso.COM", allowed));
        assertEquals("must be an address of an allowed domain (flowdoctor.email.allowed-domains)",
                EmailAddresses.problem("owner@evil.example", allowed).orElseThrow());
        assertTrue(EmailAddresses.problem("owner@sub.contoso.com", allowed).isPresent());
    }
}
