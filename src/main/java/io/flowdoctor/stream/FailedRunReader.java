package io.flowdoctor.stream;

import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;

import io.flowdoctor.diagnosis.RunReport;

/**
 * Reads the failed runs in one record's value (a JSON document). The one place that knows the shapes a topic
 * carries; a value it cannot read is refused with {@link UnreadableRecord}, which sends the record to the
 * dead-letter topic with its problem.
 */
@FunctionalInterface
public interface FailedRunReader {

    /** The failed runs the value holds, at least one. */
    List<FailedRun> read(JsonNode value);

    /** A reader of shapes that carry no language (their answers are in English). */
    static FailedRunReader of(Function<JsonNode, List<RunReport>> reports) {
        return value -> reports.apply(value).stream().map(report -> new FailedRun(report, null)).toList();
    }
}
