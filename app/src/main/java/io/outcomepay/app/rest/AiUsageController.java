package io.outcomepay.app.rest;

import io.outcomepay.app.operations.Operations;
import io.outcomepay.billing.encounter.api.ClaimOutcome;
import io.outcomepay.billing.usage.api.AiUsage;
import io.outcomepay.claims.intake.DeadLetters;
import io.outcomepay.claims.intake.Rejection;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** AI usage events from vendors: an encounter they name is AI-assisted, whether the claim came first or not. */
@RestController
@RequestMapping("/api")
public class AiUsageController {

    static final String SOURCE = "ai-usage";
    private final Operations operations;
    private final DeadLetters deadLetters;

    public AiUsageController(Operations operations, DeadLetters deadLetters) {
        this.operations = operations;
        this.deadLetters = deadLetters;
    }

    /** One usage event as JSON; field names as vendors send them. */
    public record UsageEvent(String event_id, String vendor, String ai_service, String model_version,
                             String hospital_id, String claim_id, String encounter_ref, String occurred_at,
                             String kind) {
    }

    public record Recorded(String eventId, ClaimOutcome outcome) {
    }

    /** Records a batch of usage events in order; the first bad one is refused naming its index and field. */
    @PostMapping(path = "/ai-usage", consumes = "application/json")
    public List<Recorded> record(@RequestBody List<UsageEvent> events) {
        List<AiUsage.Details> details = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            UsageEvent e = events.get(i);
            try {
                if (e.event_id() == null || e.event_id().isBlank()) {
                    throw new IllegalArgumentException("event_id: is required");
                }
                details.add(new AiUsage.Details(e.vendor(), e.ai_service(), e.model_version(), e.hospital_id(),
                        e.claim_id(), e.encounter_ref(), instant(e.occurred_at()), e.kind()));
            } catch (IllegalArgumentException problem) {
                throw new IllegalArgumentException("event [" + i + "] " + problem.getMessage(), problem);
            }
        }
        List<Recorded> recorded = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            UsageEvent event = events.get(i);
            ClaimOutcome outcome = operations.recordAiUsage(event.event_id(), details.get(i));
            if (outcome == ClaimOutcome.CONFLICT) {
                deadLetters.store(List.of(new Rejection(SOURCE, i, "event_id", "conflict: usage event "
                        + event.event_id() + " was already recorded with other content", event.toString())));
            }
            recorded.add(new Recorded(event.event_id(), outcome));
        }
        return recorded;
    }

    private static Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("occurred_at: '" + text + "' is not an ISO instant like 2026-01-05T10:15:30Z");
        }
    }
}
