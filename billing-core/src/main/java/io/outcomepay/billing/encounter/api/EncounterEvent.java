package io.outcomepay.billing.encounter.api;

/** Events of the Encounter aggregate, in the past tense; a correction never edits an earlier event. */
public sealed interface EncounterEvent {

    String encounterId();

    record EncounterRecorded(String encounterId, ClaimDetails claim, SourceRef source) implements EncounterEvent {
    }

    record ClaimCorrected(String encounterId, String originalClaimId, ClaimDetails replacement, SourceRef source)
            implements EncounterEvent {
    }

    /** The payer adjudicated the claim: processed, denied, or a reversal of a previous payment. */
    record ClaimAdjudicated(String encounterId, String claimId, Remittance remittance, SourceRef source)
            implements EncounterEvent {
    }

    record ClaimVoided(String encounterId, String originalClaimId, String voidClaimId, SourceRef source)
            implements EncounterEvent {
    }
}
