package io.outcomepay.billing.encounter.api;

import org.axonframework.serialization.Revision;

/**
 * Events of the Encounter aggregate, in the past tense; a correction never edits an earlier event.
 * Revision 2: the claim and the remittance name their payer (null in events stored before, read
 * through the upcasters of revision 1).
 */
public sealed interface EncounterEvent {

    /** The payload revision of the events that carry a claim or a remittance. */
    String REVISION = "2";

    String encounterId();

    /** The hospital the encounter belongs to (downstream systems partition by it). */
    String hospitalId();

    @Revision(REVISION)
    record EncounterRecorded(String encounterId, ClaimDetails claim, SourceRef source) implements EncounterEvent {
        @Override
        public String hospitalId() {
            return claim.hospitalId();
        }
    }

    @Revision(REVISION)
    record ClaimCorrected(String encounterId, String originalClaimId, ClaimDetails replacement, SourceRef source)
            implements EncounterEvent {
        @Override
        public String hospitalId() {
            return replacement.hospitalId();
        }
    }

    /** The payer adjudicated the claim: processed, denied, or a reversal of a previous payment. */
    @Revision(REVISION)
    record ClaimAdjudicated(String encounterId, String hospitalId, String claimId, Remittance remittance, SourceRef source)
            implements EncounterEvent {
    }

    record ClaimVoided(String encounterId, String hospitalId, String originalClaimId, String voidClaimId, SourceRef source)
            implements EncounterEvent {
    }
}
