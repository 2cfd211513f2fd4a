package io.outcomepay.billing.baseline.api;

import io.outcomepay.billing.StreamNamespace;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/** Commands of the BaselineTable aggregate. */
public final class BaselineCommands {

    private BaselineCommands() {
    }

    /** Publishes a version; publishing the same content again changes nothing. */
    public record PublishBaselineTable(String tableId, BaselineKind kind,
                                       LocalDate effectiveFrom, String source, List<BaselineEntry> entries) {
        public PublishBaselineTable {
            entries = List.copyOf(entries);
        }

        /** The table's stream, in the baseline tables' namespace. */
        @TargetAggregateIdentifier
        public String streamId() {
            return StreamNamespace.BASELINE_TABLE.of(tableId);
        }
    }
}
