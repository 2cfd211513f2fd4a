package io.outcomepay.billing.contract.api;

import io.outcomepay.billing.StreamNamespace;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Commands of the Contract aggregate. */
public final class ContractCommands {

    private ContractCommands() {
    }

    public record CreateContract(String contractId, ContractDefinition definition) {
        @TargetAggregateIdentifier
        public String streamId() {
            return StreamNamespace.CONTRACT.of(contractId);
        }
    }

    /** A new version, in force from its effective_from; earlier versions stay as they were. */
    public record AmendContract(String contractId, ContractDefinition definition) {
        @TargetAggregateIdentifier
        public String streamId() {
            return StreamNamespace.CONTRACT.of(contractId);
        }
    }
}
