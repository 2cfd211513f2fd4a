package io.outcomepay.billing.usage.api;

import io.outcomepay.billing.StreamNamespace;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Messages of the AiUsage aggregate: a vendor's report that its AI assisted an encounter. Its
 * events are this sealed interface's records (one so far).
 */
public sealed interface AiUsage permits AiUsage.AiUsageRecorded {

    String eventId();

    /**
     * One usage event as the vendor sent it. The encounter is named by the hospital and either the
     * claim id it is known by (claimId) or the OutcomePay encounter id (encounterRef).
     */
    public record Details(String vendor, String aiService, String modelVersion, String hospitalId, String claimId,
                          String encounterRef, Instant occurredAt, String kind) {
        public Details {
            require("vendor", vendor);
            require("ai_service", aiService);
            require("hospital_id", hospitalId);
            if ((claimId == null || claimId.isBlank()) && (encounterRef == null || encounterRef.isBlank())) {
                throw new IllegalArgumentException("claim_id: claim_id or encounter_ref is required");
            }
            if (occurredAt == null) {
                throw new IllegalArgumentException("occurred_at: is required");
            }
        }

        private static void require(String field, String value) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(field + ": is required");
            }
        }
    }

    public record RecordAiUsage(String eventId, Details details) {
        /** The event's stream, in the usage events' namespace. */
        @TargetAggregateIdentifier
        public String streamId() {
            return StreamNamespace.AI_USAGE.of(eventId);
        }
    }

    record AiUsageRecorded(String eventId, Details details) implements AiUsage {
    }
}
