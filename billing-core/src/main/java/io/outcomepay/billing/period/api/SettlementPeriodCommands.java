package io.outcomepay.billing.period.api;

import io.outcomepay.billing.settlement.SettlementResult;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** Commands of the SettlementPeriod aggregate (one per contract and month); each names its actor and reason. */
public final class SettlementPeriodCommands {

    private SettlementPeriodCommands() {
    }

    /**
     * Records a calculation; one with the fingerprint and adjustments of the latest recorded one
     * changes nothing. Refused once the month is approved or closed.
     */
    public record RecordPeriodSettlement(@TargetAggregateIdentifier String periodId, SettlementResult result, String insurer,
                                   List<PriorPeriodAdjustment> adjustments, String actor, String reason) {
        public RecordPeriodSettlement {
            adjustments = adjustments == null ? List.of() : List.copyOf(adjustments);
        }
    }

    /** Approves the latest calculation; the approver must not be the one who ran it. */
    public record ApprovePeriod(@TargetAggregateIdentifier String periodId, String actor, String reason) {
    }

    /** Closes an approved month, issuing these invoices. */
    public record ClosePeriod(@TargetAggregateIdentifier String periodId, String actor, String reason,
                              List<InvoiceDraft> invoices) {
        public ClosePeriod {
            invoices = List.copyOf(invoices);
        }
    }
}
