package io.outcomepay.billing.period;

import io.outcomepay.billing.VersionOutcome;
import io.outcomepay.billing.audit.AuditChain;
import io.outcomepay.billing.ledger.JournalEntry;
import io.outcomepay.billing.ledger.Postings;
import io.outcomepay.billing.period.api.PeriodApproved;
import io.outcomepay.billing.period.api.PeriodClosed;
import io.outcomepay.billing.period.api.PeriodEvent;
import io.outcomepay.billing.period.api.PeriodRefused;
import io.outcomepay.billing.period.api.PeriodSettled;
import io.outcomepay.billing.period.api.PeriodStatus;
import io.outcomepay.billing.period.api.PriorPeriodAdjustment;
import io.outcomepay.billing.period.api.SettlementPeriodCommands.ApprovePeriod;
import io.outcomepay.billing.period.api.SettlementPeriodCommands.ClosePeriod;
import io.outcomepay.billing.period.api.SettlementPeriodCommands.RecordPeriodSettlement;
import io.outcomepay.billing.settlement.SettlementResult;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.List;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One contract month: open → calculated (each recalculation that changes anything is a new
 * revision) → approved (by someone other than who ran the calculation; posts the journal entries)
 * → closed (records its audit chain head and the invoices it issues). Its events form a hash chain
 * (AuditChain): each records the hash before it and is stored with its own hash as metadata
 * {@value #CHAIN_HASH}.
 */
@Aggregate
public class SettlementPeriod {

    public static final String CHAIN_HASH = "chainHash";

    @AggregateIdentifier
    private String periodId;
    private PeriodStatus status = PeriodStatus.OPEN;
    private int revision;
    private String fingerprint;
    private SettlementResult result;
    private String insurer;
    private List<PriorPeriodAdjustment> adjustments = List.of();
    private String calculatedBy;
    private String approvedBy;
    private String chainHead;
    private int chainedEvents;

    protected SettlementPeriod() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public VersionOutcome handle(RecordPeriodSettlement command) {
        requireActor(command.actor(), command.reason(), "calculate");
        String id = command.periodId();
        if (status == PeriodStatus.CLOSED) {
            throw new PeriodRefused(id + " is closed (revision " + revision + "): it is not recalculated; late claims, "
                    + "corrections and voids for it are carried into the contract's next open month as prior-period adjustments");
        }
        if (status == PeriodStatus.APPROVED) {
            throw new PeriodRefused(id + " is approved (revision " + revision + ", by " + approvedBy
                    + "): it is not recalculated; close it, and later changes are carried as prior-period adjustments");
        }
        if (periodId != null && command.result().fingerprint().equals(fingerprint)
                && command.adjustments().equals(adjustments)) {
            return new VersionOutcome(revision, false);
        }
        chained(new PeriodSettled(id, revision + 1, command.result(), command.insurer(), command.adjustments(),
                command.actor(), command.reason(), head(id)));
        return new VersionOutcome(revision, true);
    }

    @CommandHandler
    public VersionOutcome handle(ApprovePeriod command) {
        requireActor(command.actor(), command.reason(), "approve");
        switch (status) {
            case OPEN -> throw new PeriodRefused(periodId + " has not been calculated: calculate it first");
            case APPROVED -> throw new PeriodRefused(periodId + " is approved already (revision " + revision + ", by "
                    + approvedBy + ")");
            case CLOSED -> throw new PeriodRefused(periodId + " is closed (revision " + revision + "): it is not approved again");
            case CALCULATED -> {
            }
        }
        if (command.actor().equals(calculatedBy)) {
            throw new PeriodRefused("maker-checker: " + command.actor() + " ran the calculation of " + periodId
                    + " (revision " + revision + ") and cannot approve it; another user must");
        }
        if (insurer == null) {
            throw new PeriodRefused(periodId + " revision " + revision + " was calculated before parties were recorded: "
                    + "calculate it again before approving");
        }
        chained(new PeriodApproved(periodId, revision, fingerprint, command.actor(), command.reason(), entries(), chainHead));
        return new VersionOutcome(revision, true);
    }

    /** The approval's entries: the month's own shares, then each prior-period adjustment it carries. */
    private List<JournalEntry> entries() {
        java.util.Map<String, List<io.outcomepay.billing.ledger.Obligation>> deltas = new java.util.LinkedHashMap<>();
        adjustments.forEach(a -> deltas.put(a.correctedPeriod(), a.delta()));
        return Postings.approval(result, insurer, revision, deltas);
    }

    @CommandHandler
    public VersionOutcome handle(ClosePeriod command) {
        requireActor(command.actor(), command.reason(), "close");
        switch (status) {
            case OPEN, CALCULATED -> throw new PeriodRefused(periodId + " is " + status.name().toLowerCase(java.util.Locale.ROOT)
                    + ": a month is approved before it is closed");
            case CLOSED -> throw new PeriodRefused(periodId + " is closed already (revision " + revision + ")");
            case APPROVED -> {
            }
        }
        chained(new PeriodClosed(periodId, revision, fingerprint, command.actor(), command.reason(), command.invoices(),
                chainedEvents, chainHead));
        return new VersionOutcome(revision, true);
    }

    private static void requireActor(String actor, String reason, String step) {
        if (actor == null || actor.isBlank()) {
            throw new PeriodRefused("actor: who does it is required to " + step + " a month");
        }
        if (reason == null || reason.isBlank()) {
            throw new PeriodRefused("reason: why is required to " + step + " a month");
        }
        io.outcomepay.billing.limits.Limits.step(actor, reason);
    }

    private String head(String id) {
        return chainHead != null ? chainHead : AuditChain.genesis(id);
    }

    private void chained(PeriodEvent event) {
        apply(event, MetaData.with(CHAIN_HASH, AuditChain.next(head(event.periodId()), event)));
    }

    /** The chain's head after the event: the hash stored with it (computed once, when it was applied), else computed. */
    private void chain(PeriodEvent event, MetaData metaData) {
        Object stored = metaData.get(CHAIN_HASH);
        chainHead = stored != null ? stored.toString()
                : AuditChain.next(event.previousHash() != null ? event.previousHash() : head(event.periodId()), event);
        chainedEvents++;
    }

    @EventSourcingHandler
    void on(PeriodSettled event, MetaData metaData) {
        periodId = event.periodId();
        revision = event.revision();
        fingerprint = event.result().fingerprint();
        result = event.result();
        insurer = event.insurer();
        adjustments = event.adjustments();
        calculatedBy = event.actor();
        status = PeriodStatus.CALCULATED;
        chain(event, metaData);
    }

    @EventSourcingHandler
    void on(PeriodApproved event, MetaData metaData) {
        approvedBy = event.actor();
        status = PeriodStatus.APPROVED;
        chain(event, metaData);
    }

    @EventSourcingHandler
    void on(PeriodClosed event, MetaData metaData) {
        status = PeriodStatus.CLOSED;
        chain(event, metaData);
    }
}
