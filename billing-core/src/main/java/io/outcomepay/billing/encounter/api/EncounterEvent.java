package io.outcomepay.billing.encounter.api;

/** Events of the Encounter aggregate, in the past tense; a correction never edits an earlier event. */
public sealed interface EncounterEvent {

    String encounterId();

    /** The hospital the encounter belongs to (downstream systems partition by it). */
    String hospitalId();

    record EncounterRecorded(String encounterId, ClaimDetails claim, SourceRef source) implements EncounterEvent {
        @Override
        public String hospitalId() {
            return claim.hospitalId();
        }
    }

    record ClaimCorrected(String encounterId, String originalClaimId, ClaimDetails replacement, SourceRef source)
            implements EncounterEvent {
        @Override
        public String hospitalId() {
            return replacement.hospitalId();
        }
    }

    /** The payer adjudicated the claim: processed, denied, or a reversal of a previous payment. */
    record ClaimAdjudicated(String encounterId, String hospitalId, String claimId, Remittance remittance, SourceRef source)
            implements EncounterEvent {
    }

    record ClaimVoided(String encounterId, String hospitalId, String originalClaimId, String voidClaimId, SourceRef source)
            implements EncounterEvent {
    }
}
