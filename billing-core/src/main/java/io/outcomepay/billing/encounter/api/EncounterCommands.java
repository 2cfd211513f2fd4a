package io.outcomepay.billing.encounter.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Commands of the Encounter aggregate; each answers with a {@link ClaimOutcome}. */
public final class EncounterCommands {

    private EncounterCommands() {
    }

    public record RecordEncounter(@TargetAggregateIdentifier String encounterId, ClaimDetails claim,
                                  SourceRef source) {
    }

    /** A replacement claim: its details supersede the encounter's current ones. */
    public record CorrectClaim(@TargetAggregateIdentifier String encounterId, String originalClaimId,
                               ClaimDetails replacement, SourceRef source) {
    }

    /**
     * A settlement from a list keyed by the encounter, not by the claim (the Chinese 结算清单: the
     * encounter is the 就诊ID, each settlement has its own 结算ID): a settlement id not seen before
     * on a known encounter is a re-settlement, that is a correction.
     */
    public record RecordSettlement(@TargetAggregateIdentifier String encounterId, ClaimDetails claim,
                                   SourceRef source) {
    }

    /** The payer's remittance for the encounter's claim (X12 835). */
    public record RecordRemittance(@TargetAggregateIdentifier String encounterId, String claimId, Remittance remittance,
                                   SourceRef source) {
    }

    /** A void claim cancelling the encounter. */
    public record VoidClaim(@TargetAggregateIdentifier String encounterId, String originalClaimId, String voidClaimId,
                            SourceRef source) {
    }
}
