package io.outcomepay.billing.contract.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Commands of the Contract aggregate. */
public final class ContractCommands {

    private ContractCommands() {
    }

    public record CreateContract(@TargetAggregateIdentifier String contractId, ContractDefinition definition) {
    }

    /** A new version, in force from its effective_from; earlier versions stay as they were. */
    public record AmendContract(@TargetAggregateIdentifier String contractId, ContractDefinition definition) {
    }
}
