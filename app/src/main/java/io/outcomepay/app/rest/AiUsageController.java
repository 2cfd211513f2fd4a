package io.outcomepay.app.rest;

import io.outcomepay.claims.application.RecordingAiUsage;
import io.outcomepay.claims.usage.UsageEvent;
import io.outcomepay.billing.encounter.api.ClaimOutcome;
import io.outcomepay.billing.usage.api.AiUsage;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.List;

/** AI usage events from vendors: an encounter they name is AI-assisted, whether the claim came first or not. */
@RestController
@RequestMapping("/api")
public class AiUsageController {

    static final String SOURCE = "ai-usage";
    private final RecordingAiUsage recording;

    public AiUsageController(RecordingAiUsage recording) {
        this.recording = recording;
    }

    public record Recorded(String eventId, ClaimOutcome outcome) {
    }

    /** Records a batch of usage events in order; the first bad one is refused naming its index and field. */
    @PostMapping(path = "/ai-usage", consumes = "application/json")
    public List<Recorded> record(@RequestBody List<UsageEvent> events) {
        List<AiUsage.Details> details = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            try {
                details.add(events.get(i).details());
            } catch (IllegalArgumentException problem) {
                throw new IllegalArgumentException("event [" + i + "] " + problem.getMessage(), problem);
            }
        }
        List<Recorded> recorded = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            UsageEvent event = events.get(i);
            recorded.add(new Recorded(event.event_id(),
                    recording.record(new RecordingAiUsage.RecordUsage(event, details.get(i), SOURCE, i))));
        }
        return recorded;
    }
}
