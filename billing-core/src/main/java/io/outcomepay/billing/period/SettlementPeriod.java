package io.outcomepay.billing.period;

import io.outcomepay.billing.VersionOutcome;
import io.outcomepay.billing.period.api.PeriodSettled;
import io.outcomepay.billing.period.api.SettlementPeriodCommands.RecordSettlement;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** The settlements of one contract month. Each recalculation that changes anything is a new revision. */
@Aggregate
public class SettlementPeriod {

    @AggregateIdentifier
    private String periodId;
    private int revision;
    private String fingerprint;

    protected SettlementPeriod() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public VersionOutcome handle(RecordSettlement command) {
        if (periodId != null && command.result().fingerprint().equals(fingerprint)) {
            return new VersionOutcome(revision, false);
        }
        apply(new PeriodSettled(command.periodId(), revision + 1, command.result()));
        return new VersionOutcome(revision, true);
    }

    @EventSourcingHandler
    void on(PeriodSettled event) {
        periodId = event.periodId();
        revision = event.revision();
        fingerprint = event.result().fingerprint();
    }
}
