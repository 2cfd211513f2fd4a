package io.outcomepay.billing.baseline.api;

/** How a baseline table turns an encounter into an expected cost. */
public enum BaselineKind {
    /** baseline = relative weight of the DRG x the contract's base rate. */
    DRG_RELATIVE_WEIGHT,
    /** baseline = DIP score x the contract's point value x the hospital's coefficient; outliers against mean cost. */
    DIP_SCORE
}
