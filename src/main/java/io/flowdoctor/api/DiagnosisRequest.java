package io.flowdoctor.api;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.flowdoctor.diagnosis.RunReport;
import io.flowdoctor.knowledge.Coded;
import io.flowdoctor.knowledge.Product;

/** The v1 request body of POST /api/v1/diagnoses. */
@WithinLimits
@SafeFields
public record DiagnosisRequest(
        @NotBlank @Schema(description = "The flow's id", required = true) String flowId,
        String flowName,
        String environmentId,
        String runId,
        @Schema(description = "When the run failed; now when missing") Instant failedAt,
        @Schema(description = "BCP-47 language tag; else Accept-Language; else en", examples = "nl-NL") String locale,
        @Valid Owner owner,
        @NotEmpty @Schema(required = true, description = "The run's actions; at least one") List<@NotNull @Valid Action> actions,
        @Schema(description = "The product the flow runs in; picks the tips and steps for it. Every product's when missing", enumeration = {
                "power-automate", "logic-apps-consumption", "logic-apps-standard" }) String product,
        @Schema(description = "The owner's IANA time zone for the e-mail's times; UTC when missing", examples = "Europe/Amsterdam") String timeZone){

    /** The flow's owner, who receives repair tips. */
    public record Owner(String email, String displayName) {
    }

    /** One action of the run; every field but the name is optional. */
    public record Action(
            @NotBlank String name,
            @Schema(description = "Failed when missing") String status,
            @Schema(examples = "office365users") String connector,
            @Schema(examples = "Manager_V2") String operation,
            Integer statusCode,
            String errorCode,
            String message) {

        /** The short text fields (all but the message) by name. */
        Map<String, String> shortFields() {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("name", name);
            fields.put("status", status);
            fields.put("connector", connector);
            fields.put("operation", operation);
            fields.put("errorCode", errorCode);
            return fields;
        }
    }

    /** The short text fields by their path ("flowId", "owner.email"), as the validators name them. */
    Map<String, String> shortFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("flowId", flowId);
        fields.put("flowName", flowName);
        fields.put("environmentId", environmentId);
        fields.put("runId", runId);
        fields.put("locale", locale);
        fields.put("product", product);
        fields.put("timeZone", timeZone);
        if (owner != null) {
            fields.put("owner.email", owner.email());
            fields.put("owner.displayName", owner.displayName());
        }
        return fields;
    }

    /** The run as the intake takes it, from a validated request. */
    public RunReport toRunReport() {
        return new RunReport(flowId, flowName, environmentId, runId, failedAt,
                owner == null ? null : new RunReport.Owner(owner.email(), owner.displayName()),
                actions.stream().map(a -> new RunReport.ReportedAction(a.name(), a.status(), a.connector(), a.operation(),
                        a.statusCode(), a.errorCode(), a.message())).toList(),
                product == null ? null : Coded.of(Product.class, product.strip()).orElseThrow(), blankToNull(timeZone));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
