package io.outcomepay.claims.usage;

import io.outcomepay.billing.limits.InvalidValue;
import io.outcomepay.billing.limits.Limits;
import io.outcomepay.billing.usage.api.AiUsage;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * One AI usage event as vendors send it, over REST or Kafka (JSON, snake_case field names).
 * {@link #details()} holds it to the limits (docs/limits.md) and names the field at fault.
 */
public record UsageEvent(String event_id, String vendor, String ai_service, String model_version,
                         String hospital_id, String claim_id, String encounter_ref, String occurred_at,
                         String kind) {

    public AiUsage.Details details() {
        AiUsage.Details details = new AiUsage.Details(vendor, ai_service, model_version, hospital_id, claim_id,
                encounter_ref, instant(occurred_at), kind);
        Limits.usage(event_id, details);
        return details;
    }

    private static Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (text.length() > 64) {
            throw new InvalidValue("occurred_at", "is " + text.length() + " characters long, not an ISO instant");
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidValue("occurred_at", "'" + text + "' is not an ISO instant like 2026-01-05T10:15:30Z");
        }
    }
}
