package io.outcomepay.analytics.encounters;

import io.outcomepay.billing.encounter.api.ClaimDetails;
import io.outcomepay.billing.encounter.api.EncounterEvent.ClaimCorrected;
import io.outcomepay.billing.encounter.api.EncounterEvent.ClaimVoided;
import io.outcomepay.billing.encounter.api.EncounterEvent.EncounterRecorded;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Date;

/** Table encounter_view: each encounter at its latest correction, and whether it is voided. */
@ProcessingGroup(EncounterProjection.GROUP)
public class EncounterProjection {

    public static final String GROUP = "encounters";
    private final JdbcTemplate jdbc;

    public EncounterProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(EncounterRecorded event) {
        ClaimDetails c = event.claim();
        jdbc.update("""
                insert into encounter_view (encounter_id, hospital_id, original_claim_id, current_claim_id, admit_date,
                    discharge_date, drg, allowed_amount, currency, ai_service, ai_assisted, voided)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, false)
                on conflict (encounter_id) do nothing""",
                event.encounterId(), c.hospitalId(), c.claimId(), c.claimId(), Date.valueOf(c.admitDate()),
                Date.valueOf(c.dischargeDate()), c.drg(), c.allowedAmount(), c.currency(), c.aiService(), c.aiAssisted());
    }

    @EventHandler
    void on(ClaimCorrected event) {
        ClaimDetails c = event.replacement();
        jdbc.update("""
                update encounter_view set current_claim_id = ?, admit_date = ?, discharge_date = ?, drg = ?,
                    allowed_amount = ?, currency = ?, ai_service = ?, ai_assisted = ?
                where encounter_id = ?""",
                c.claimId(), Date.valueOf(c.admitDate()), Date.valueOf(c.dischargeDate()), c.drg(), c.allowedAmount(),
                c.currency(), c.aiService(), c.aiAssisted(), event.encounterId());
    }

    @EventHandler
    void on(ClaimVoided event) {
        jdbc.update("update encounter_view set voided = true where encounter_id = ?", event.encounterId());
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from encounter_view");
    }
}
