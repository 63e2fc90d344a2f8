package io.flowdoctor.scenario;

import io.flowdoctor.diagnosis.Category;

/**
 * One real failure of the evaluation corpus (knowledge-base/evaluation/), verbatim from its source, with
 * the labels a support engineer gave it.
 *
 * @param source where the message was found: a documentation page, an issue thread, a forum post
 * @param language the language the message is written in
 */
public record LabelledFailure(String id, String source, String product, String connector, String operation,
        Integer statusCode, String errorCode, String message, String language, Label label,
        String note) {

    /**
     * @param resubmitSucceeds whether resubmitting the run unchanged (after any wait it asks for) would succeed
     * @param supportOnly whether only Microsoft support or the remote service's operator can fix it
     */
    public record Label(Category category, boolean resubmitSucceeds, boolean supportOnly) {
    }
}
