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

    /** A void claim cancelling the encounter. */
    public record VoidClaim(@TargetAggregateIdentifier String encounterId, String originalClaimId, String voidClaimId,
                            SourceRef source) {
    }
}
