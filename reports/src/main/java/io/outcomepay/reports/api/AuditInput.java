package io.outcomepay.reports.api;

import io.outcomepay.billing.contract.api.ContractDefinition;
import io.outcomepay.billing.settlement.SettlementResult;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * What an insurer's audit pack shows: the settled revision with its trace, the contract version's
 * terms, the statistics computed from that same settlement (or why there are none), the outliers
 * and every encounter line, read as a stream (a month may hold a hundred thousand).
 * changedSinceClose: a closed month whose data changed since (the lines are as they stand now).
 */
public record AuditInput(int revision, SettlementResult result, ContractDefinition contract,
                         AuditStatistics statistics, String statisticsUnavailable, List<LineRow> outliers,
                         boolean changedSinceClose, Supplier<Stream<LineRow>> lines) {

    public AuditInput {
        outliers = List.copyOf(outliers);
    }
}
