package io.outcomepay.billing.period.api;

import io.outcomepay.billing.settlement.SettlementResult;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Commands of the SettlementPeriod aggregate (one per contract and month). */
public final class SettlementPeriodCommands {

    private SettlementPeriodCommands() {
    }

    /** Records a calculation; one with the fingerprint of the latest recorded one changes nothing. */
    public record RecordSettlement(@TargetAggregateIdentifier String periodId, SettlementResult result) {
    }
}
