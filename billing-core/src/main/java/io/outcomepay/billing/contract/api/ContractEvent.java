package io.outcomepay.billing.contract.api;

/** Events of the Contract aggregate: each carries a whole version, never a partial edit. */
public sealed interface ContractEvent {

    String contractId();

    int version();

    ContractDefinition definition();

    record ContractCreated(String contractId, int version, ContractDefinition definition) implements ContractEvent {
    }

    record ContractAmended(String contractId, int version, ContractDefinition definition) implements ContractEvent {
    }
}
