package io.flowdoctor.stream;

import io.flowdoctor.diagnosis.RunReport;

/**
 * One failed run read from a record, with the language its answer and e-mail are written in.
 *
 * @param locale a BCP-47 tag, or null for English
 */
public record FailedRun(RunReport report, String locale) {
}
