package io.flowdoctor.notify;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules an owner's address must meet before anything is sent to it: exactly one address, in the
 * syntax of RFC 5321 (a dot-string local part of at most 64 octets, a domain of letter-digit-hyphen
 * labels of at most 63 and 253 octets in all, 254 in all, no display name, no comments, no quoted local part, no
 * address literal), and, when an allow-list is configured, a domain on it.
 */
public final class EmailAddresses {

    /** RFC 5321 atext: letters, digits and !#$%&'*+-/=?^_`{|}~ */
    private static final String ATOM = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";
    private static final Pattern LOCAL_PART = Pattern.compile(ATOM + "(\\." + ATOM + ")*");
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");

    private EmailAddresses() {
    }

    /**
     * What is wrong with the address, or empty when it may be used.
     *
     * @param allowedDomains domains (lower case) an address may belong to; empty allows any
     */
    public static Optional<String> problem(String address, Set<String> allowedDomains) {
        if (address.isEmpty()) {
            return Optional.of("must be an e-mail address");
        }
        int at = address.lastIndexOf('@');
        if (at <= 0 || at == address.length() - 1 || !syntax(address.substring(0, at), address.substring(at + 1))) {
            return Optional.of("must be one e-mail address such as name@example.com (RFC 5321), without a display name");
        }
        String domain = address.substring(at + 1).toLowerCase(Locale.ROOT);
        if (!allowedDomains.isEmpty() && !allowedDomains.contains(domain)) {
            return Optional.of("must be an address of an allowed domain (flowdoctor.email.allowed-domains)");
        }
        return Optional.empty();
    }

    private static boolean syntax(String localPart, String domain) {
        if (localPart.length() + 1 + domain.length() > 254 || localPart.length() > 64 || domain.length() > 253
                || !LOCAL_PART.matcher(localPart).matches()) {
            return false;
        }
        String[] labels = domain.split("\\.", -1);
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return true;
    }
}
