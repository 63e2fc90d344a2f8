package io.flowdoctor.scenario;

/** One expectation of a scenario that did not hold. */
public record Mismatch(String field, String expected, String actual) {

    @Override
    public String toString() {
        return field + ": expected " + expected + ", but was " + actual;
    }
}
