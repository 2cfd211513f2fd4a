package io.outcomepay.analytics.encounters;

import io.outcomepay.billing.encounter.api.ClaimDetails;
import io.outcomepay.billing.encounter.api.EncounterEvent.ClaimAdjudicated;
import io.outcomepay.billing.encounter.api.EncounterEvent.ClaimCorrected;
import io.outcomepay.billing.encounter.api.Remittance;
import io.outcomepay.billing.encounter.api.EncounterEvent.ClaimVoided;
import io.outcomepay.billing.encounter.api.EncounterEvent.EncounterRecorded;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import io.outcomepay.analytics.copy.CopyRows;
import io.outcomepay.analytics.processing.PoisonIsolation;
import io.outcomepay.analytics.rebuild.BulkLoad;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Date;
import java.util.ArrayList;
import java.util.List;

/** Table encounter_view: each encounter at its latest correction, and whether it is voided. */
@ProcessingGroup(EncounterProjection.GROUP)
public class EncounterProjection {

    public static final String GROUP = "encounters";
    private static final String PENDING = EncounterProjection.class.getName() + ".pendingInserts";
    private final JdbcTemplate jdbc;

    public EncounterProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * New encounters are inserted in one COPY when the processor's batch of events commits; an
     * update of an encounter first flushes the pending inserts, so order is kept. In the bulk load of
     * a rebuild the table has no key yet: updates wait until after the load.
     */
    @EventHandler
    void on(EncounterRecorded event, UnitOfWork<?> unitOfWork) {
        List<EncounterRecorded> pending = pendingInserts(unitOfWork);
        pending.add(event);
        if (PoisonIsolation.isolated(unitOfWork) && BulkLoad.of(unitOfWork).isEmpty()) {
            // after a failed batch each encounter is written by its own handler (PoisonIsolation)
            flush(pending);
        }
    }

    private List<EncounterRecorded> pendingInserts(UnitOfWork<?> unitOfWork) {
        UnitOfWork<?> root = unitOfWork.root();
        return root.getOrComputeResource(PENDING, key -> {
            List<EncounterRecorded> pending = new ArrayList<>();
            BulkLoad bulk = BulkLoad.of(root).orElse(null);
            root.onPrepareCommit(u -> {
                if (bulk != null) {
                    bulk.copy(rows(pending), "encounter_view", INSERTED);
                } else {
                    flush(pending);
                }
            });
            return pending;
        });
    }

    private static CopyRows rows(List<EncounterRecorded> pending) {
        CopyRows rows = new CopyRows();
        pending.forEach(event -> {
            ClaimDetails c = event.claim();
            rows.add(event.encounterId(), c.hospitalId(), c.claimId(), c.claimId(), c.admitDate(), c.dischargeDate(),
                    c.drg(), c.allowedAmount(), c.currency(), c.aiService(), c.aiAssisted(), false, c.dipGroup(),
                    c.patientPseudonym(), c.payerId());
        });
        return rows;
    }

    private static final List<String> INSERTED = List.of("encounter_id", "hospital_id", "original_claim_id",
            "current_claim_id", "admit_date", "discharge_date", "drg", "allowed_amount", "currency", "ai_service",
            "ai_assisted", "voided", "dip_group", "patient_pseudonym", "payer_id");

    /** One COPY; should an encounter be there already (an event handled twice), inserts skipping it. */
    private void flush(List<EncounterRecorded> pending) {
        if (pending.isEmpty()) {
            return;
        }
        CopyRows rows = rows(pending);
        // taken now: rows that fail are not written again when the batch commits (or fails)
        List<EncounterRecorded> taken = List.copyOf(pending);
        pending.clear();
        boolean copied = jdbc.execute((ConnectionCallback<Boolean>) connection ->
                rows.copyInto(connection, "encounter_view", INSERTED));
        if (!copied) {
            jdbc.batchUpdate("""
                    insert into encounter_view (encounter_id, hospital_id, original_claim_id, current_claim_id, admit_date,
                        discharge_date, drg, allowed_amount, currency, ai_service, ai_assisted, voided, dip_group,
                        patient_pseudonym, payer_id)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, false, ?, ?, ?)
                    on conflict (encounter_id) do nothing""", taken, taken.size(), (ps, event) -> {
                ClaimDetails c = event.claim();
                ps.setString(1, event.encounterId());
                ps.setString(2, c.hospitalId());
                ps.setString(3, c.claimId());
                ps.setString(4, c.claimId());
                ps.setDate(5, Date.valueOf(c.admitDate()));
                ps.setDate(6, Date.valueOf(c.dischargeDate()));
                ps.setString(7, c.drg());
                ps.setBigDecimal(8, c.allowedAmount());
                ps.setString(9, c.currency());
                ps.setString(10, c.aiService());
                ps.setBoolean(11, c.aiAssisted());
                ps.setString(12, c.dipGroup());
                ps.setString(13, c.patientPseudonym());
                ps.setString(14, c.payerId());
            });
        }
    }

    @EventHandler
    void on(ClaimCorrected event, UnitOfWork<?> unitOfWork) {
        if (BulkLoad.deferredAfterTheLoad(this, unitOfWork)) {
            return;
        }
        flush(pendingInserts(unitOfWork));
        ClaimDetails c = event.replacement();
        jdbc.update("""
                update encounter_view set current_claim_id = ?, admit_date = ?, discharge_date = ?, drg = ?,
                    allowed_amount = ?, currency = ?, ai_service = ?, ai_assisted = ?, dip_group = ?, patient_pseudonym = ?,
                    payer_id = ?, payer_allowed = null, payer_paid = null, denied = false, correction_count = correction_count + 1
                where encounter_id = ?""",
                c.claimId(), Date.valueOf(c.admitDate()), Date.valueOf(c.dischargeDate()), c.drg(), c.allowedAmount(),
                c.currency(), c.aiService(), c.aiAssisted(), c.dipGroup(), c.patientPseudonym(), c.payerId(),
                event.encounterId());
    }

    /**
     * The payer's remittance: a processed claim's covered amount replaces the claim's allowed amount
     * in settlement; a denial takes the encounter out; a reversal withdraws the previous payment.
     */
    @EventHandler
    void on(ClaimAdjudicated event, UnitOfWork<?> unitOfWork) {
        if (BulkLoad.deferredAfterTheLoad(this, unitOfWork)) {
            return;
        }
        flush(pendingInserts(unitOfWork));
        Remittance r = event.remittance();
        if (r.payerId() != null) {
            jdbc.update("update encounter_view set remitted_payer_id = ? where encounter_id = ?", r.payerId(),
                    event.encounterId());
        }
        if (r.processed()) {
            jdbc.update("update encounter_view set payer_allowed = ?, payer_paid = ?, denied = false where encounter_id = ?",
                    r.allowed(), r.paid(), event.encounterId());
        } else if (r.denied()) {
            jdbc.update("update encounter_view set payer_allowed = null, payer_paid = null, denied = true "
                    + "where encounter_id = ?", event.encounterId());
        } else if (r.reversal()) {
            jdbc.update("update encounter_view set payer_allowed = null, payer_paid = null, denied = false "
                    + "where encounter_id = ?", event.encounterId());
        }
    }

    @EventHandler
    void on(ClaimVoided event, UnitOfWork<?> unitOfWork) {
        if (BulkLoad.deferredAfterTheLoad(this, unitOfWork)) {
            return;
        }
        flush(pendingInserts(unitOfWork));
        jdbc.update("update encounter_view set voided = true where encounter_id = ?", event.encounterId());
    }

    @ResetHandler
    void reset() {
        jdbc.execute("truncate encounter_view");
    }
}
