package io.outcomepay.reports.api;

import io.outcomepay.billing.contract.api.ContractDefinition;
import io.outcomepay.billing.settlement.SettlementResult;

import java.util.List;

/**
 * What a hospital's monthly statement shows: the settled revision of the contract month, the
 * contract version it was settled under, the hospital's groups and its corrected encounters.
 */
public record StatementInput(int revision, SettlementResult result, ContractDefinition contract, String hospitalId,
                             List<GroupTotal> groups, List<LineRow> corrections) {

    public StatementInput {
        groups = List.copyOf(groups);
        corrections = List.copyOf(corrections);
    }
}
