package io.flowdoctor.api;

/** The pages of the audit and the case list: how many items a page holds unless asked, and at most. */
final class PageSize {

    static final int DEFAULT = 20;
    static final int MAX = 200;

    private PageSize() {
    }
}
