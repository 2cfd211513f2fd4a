package io.outcomepay.billing.encounter.api;

/** What a claim did to its encounter. Only RECORDED, CORRECTED and VOIDED append an event. */
public enum ClaimOutcome {
    RECORDED,
    CORRECTED,
    VOIDED,
    /** A remittance was recorded on the encounter. */
    ADJUDICATED,
    /** The same claim with the same content was already applied: nothing new. */
    DUPLICATE,
    /** The same claim id arrived with other content: refused, never an overwrite. */
    CONFLICT,
    /** A replacement or void names an original claim that was never recorded. */
    ORIGINAL_NOT_FOUND,
    /** A replacement or another void for an encounter that is already voided. */
    ALREADY_VOIDED;

    public boolean appended() {
        return this == RECORDED || this == CORRECTED || this == VOIDED || this == ADJUDICATED;
    }
}
