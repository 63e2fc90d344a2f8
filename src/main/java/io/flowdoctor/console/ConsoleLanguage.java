package io.flowdoctor.console;

import io.flowdoctor.knowledge.Language;

/** The console's language: the lang parameter, then the lang cookie it leaves, then Accept-Language, then English. */
final class ConsoleLanguage {

    static final String PARAMETER = "lang";
    static final String COOKIE = "flowdoctor-lang";

    private ConsoleLanguage() {
    }

    static String of(String parameter, String cookie, String acceptLanguage) {
        String chosen = parameter != null && !parameter.isBlank() ? parameter : cookie;
        return Language.resolve(chosen, acceptLanguage).code();
    }
}
