package io.flowdoctor.knowledge;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** An enumeration written in the knowledge base and the API by a lower-case code ("check-first", "power-automate"). */
public interface Coded {

    String code();

    static <E extends Enum<E> & Coded> Optional<E> of(Class<E> type, String code) {
        return Arrays.stream(type.getEnumConstants()).filter(value -> value.code().equals(code)).findFirst();
    }

    static <E extends Enum<E> & Coded> String allowed(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Coded::code).collect(Collectors.joining(", "));
    }
}
