package io.flowdoctor.history;

import io.quarkus.panache.common.Parameters;

/** Builds the where clause of a list query from optional filters: a filter without a value is left out. */
final class QueryFilters {

    private QueryFilters() {
    }

    static void and(StringBuilder where, Parameters parameters, String clause, String name, Object value) {
        if (value != null) {
            where.append(" and ").append(clause);
            parameters.and(name, value);
        }
    }
}
