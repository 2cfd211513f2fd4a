package io.outcomepay.analytics.usage;

import io.outcomepay.billing.encounter.EncounterId;
import io.outcomepay.billing.usage.api.AiUsage.AiUsageRecorded;
import io.outcomepay.billing.usage.api.AiUsage.Details;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;

/**
 * Table ai_usage_view: each usage event with the encounter it names (the encounter id derived
 * from hospital and claim id, or the encounter id given as encounter_ref).
 */
@ProcessingGroup(AiUsageProjection.GROUP)
public class AiUsageProjection {

    public static final String GROUP = "ai-usage";
    private final JdbcTemplate jdbc;

    public AiUsageProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(AiUsageRecorded event) {
        Details d = event.details();
        String encounterId = d.claimId() != null && !d.claimId().isBlank()
                ? EncounterId.of(d.hospitalId(), d.claimId()) : d.encounterRef();
        jdbc.update("""
                insert into ai_usage_view (event_id, encounter_id, hospital_id, vendor, ai_service, model_version,
                    occurred_at, kind)
                values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (event_id) do nothing""",
                event.eventId(), encounterId, d.hospitalId(), d.vendor(), d.aiService(), d.modelVersion(),
                Timestamp.from(d.occurredAt()), d.kind());
    }

    @ResetHandler
    void reset() {
        jdbc.execute("truncate ai_usage_view");
    }
}
