package io.flowdoctor.api;

/**
 * The page number of a listing. Read as text, so that a number too large for an int is a 400 that names
 * it rather than the 404 a failed conversion gives; capped so that page times size stays a row offset the
 * database can take (1,000,000 pages of the largest size, 200, are 200,000,000 rows).
 */
final class Paging {

    static final int MAX_PAGE = 1_000_000;

    private Paging() {
    }

    static int page(String page) {
        return QueryParameters.integer("page", page, 0, 0, MAX_PAGE);
    }
}
