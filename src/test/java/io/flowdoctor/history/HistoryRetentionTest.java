package io.flowdoctor.history;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The scheduled purge removes what is older than the retention window, and nothing newer. */
@QuarkusTest
class HistoryRetentionTest {

    /** Every table that holds a flow's history, with the column that dates a row. */
    private static final Map<String, String> DATED_BY = Map.of(
            "diagnosis_record", "recorded_at",
            "failure_record", "failed_at",
            "escalation_case", "updated_at",
            "outbox_email", "created_at");

    @Inject
    AgroalDataSource dataSource;

    @Inject
    HistoryRetention retention;

    @Test
    void dataOlderThanTheRetentionWindowIsGoneAndNothingNewerIs() throws SQLException {
        String connector = "shared_sprockets" + UUID.randomUUID().toString().substring(0, 8);
        String old = recordHistory(connector);
        String recent = recordHistory(connector);
        for (Map.Entry<String, String> table : DATED_BY.entrySet()) {
            assertTrue(count(table.getKey(), old) > 0, table.getKey() + " holds nothing to purge");
        }
        // The default window is 90 days: the old flow's history moves 91 days back.
        for (Map.Entry<String, String> table : DATED_BY.entrySet()) {
            update("update " + table.getKey() + " set " + table.getValue() + " = " + table.getValue()
                    + " - interval '91' day where flow_id = ?", old);
        }
        Map<String, Long> recentBefore = counts(recent);

        retention.purgeOnSchedule();

        for (String table : DATED_BY.keySet()) {
            assertEquals(0, count(table, old), table + " still holds the old flow's rows");
        }
        assertEquals(recentBefore, counts(recent));
        // The gap stays (its template holds no personal data); only the recent flow's example is left.
        List<String> examples = given().queryParam("connector", connector).when().get("/api/v1/knowledge-gaps")
                .then().statusCode(200).extract().jsonPath().getList("items[0].examples.diagnosisId");
        assertEquals(1, examples.size());
        assertEquals(recent, flowOf(UUID.fromString(examples.get(0))));
    }

    /** Five server errors (the fifth opens a support case) and one unexplained failure with an owner to e-mail. */
    private static String recordHistory(String connector) {
        String flow = "flow-" + UUID.randomUUID();
        for (int minute = 0; minute < 5; minute++) {
            given().contentType(ContentType.JSON)
                    .body(Map.of("flowId", flow, "failedAt", "2026-11-27T10:0" + minute + ":00Z",
                            "actions", List.of(Map.of("name", "HTTP", "connector", "http", "statusCode", 503))))
                    .when().post("/api/v1/diagnoses").then().statusCode(200);
        }
        given().contentType(ContentType.JSON)
                .body(Map.of("flowId", flow, "failedAt", "2026-11-27T10:06:00Z", "owner", Map.of("email", "owner@contoso.com"),
                        "actions", List.of(Map.of("name", "Turn", "connector", connector, "message", "Sprocket slipped"))))
                .when().post("/api/v1/diagnoses").then().statusCode(200);
        return flow;
    }

    private Map<String, Long> counts(String flow) throws SQLException {
        return Map.of("diagnosis_record", count("diagnosis_record", flow), "failure_record", count("failure_record", flow),
                "escalation_case", count("escalation_case", flow), "outbox_email", count("outbox_email", flow));
    }

    private long count(String table, String flow) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection
                        .prepareStatement("select count(*) from " + table + " where flow_id = ?")) {
            statement.setString(1, flow);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    private String flowOf(UUID diagnosis) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection
                        .prepareStatement("select flow_id from diagnosis_record where id = ?")) {
            statement.setObject(1, diagnosis);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() ? result.getString(1) : null;
            }
        }
    }

    private void update(String sql, String flow) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, flow);
            statement.executeUpdate();
        }
    }
}
