package io.outcomepay.reports.api;

import io.outcomepay.billing.contract.api.ContractDefinition;
import io.outcomepay.billing.settlement.SettlementResult;

import io.outcomepay.billing.period.api.PriorPeriodAdjustment;

import java.util.List;

/**
 * What a hospital's monthly statement shows: the settled revision of the contract month, the
 * contract version it was settled under, the hospital's groups and its corrected encounters, the
 * prior-period adjustments the month carries, and where the month is in its close.
 *
 * @param status    open, calculated, approved or closed
 * @param chainHead the audit chain head recorded at close, else null
 * @param changedSinceClose a closed month whose data changed since (groups and corrections are as they stand now)
 */
public record StatementInput(int revision, SettlementResult result, ContractDefinition contract, String hospitalId,
                             List<GroupTotal> groups, List<LineRow> corrections, List<PriorPeriodAdjustment> adjustments,
                             String status, String chainHead, boolean changedSinceClose) {

    public StatementInput {
        groups = List.copyOf(groups);
        corrections = List.copyOf(corrections);
        adjustments = List.copyOf(adjustments);
    }
}
