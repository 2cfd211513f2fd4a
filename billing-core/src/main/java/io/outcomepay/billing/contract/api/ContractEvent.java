package io.outcomepay.billing.contract.api;

import org.axonframework.serialization.Revision;

/**
 * Events of the Contract aggregate: each carries a whole version, never a partial edit. Revision 2:
 * the definition lists the payers it answers for and the AI services of its vendors (events stored
 * before read through the upcaster of revision 1: no payers listed, which means its insurer).
 */
public sealed interface ContractEvent {

    /** The payload revision of the contract events. */
    String REVISION = "2";

    String contractId();

    int version();

    ContractDefinition definition();

    @Revision(REVISION)
    record ContractCreated(String contractId, int version, ContractDefinition definition) implements ContractEvent {
    }

    @Revision(REVISION)
    record ContractAmended(String contractId, int version, ContractDefinition definition) implements ContractEvent {
    }
}
