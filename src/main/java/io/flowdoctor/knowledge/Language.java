package io.flowdoctor.knowledge;

import java.util.List;
import java.util.Locale;

/** The languages texts are written in. Anything else falls back to English. */
public enum Language {
    EN,
    NL;

    public static final Language DEFAULT = EN;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The explicit locale wins, then the Accept-Language header in the caller's order of preference,
     * then English. A locale matches by its language part: "nl-NL" and "nl-BE" are Dutch.
     */
    public static Language resolve(String locale, String acceptLanguage) {
        if (locale != null && !locale.isBlank()) {
            return ofTag(locale.strip()).orElse(DEFAULT);
        }
        if (acceptLanguage != null && !acceptLanguage.isBlank()) {
            try {
                for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                    var match = ofTag(range.getRange());
                    if (match.isPresent()) {
                        return match.get();
                    }
                }
            } catch (IllegalArgumentException malformedHeader) {
                return DEFAULT;
            }
        }
        return DEFAULT;
    }

    private static java.util.Optional<Language> ofTag(String tag) {
        String language = Locale.forLanguageTag(tag.replace('_', '-')).getLanguage();
        return List.of(values()).stream().filter(l -> l.code().equals(language)).findFirst();
    }
}
