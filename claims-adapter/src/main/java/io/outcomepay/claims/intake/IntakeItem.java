package io.outcomepay.claims.intake;

/** What a claim reader yields for each record: a normalized claim, or a rejection with its reason. */
public sealed interface IntakeItem permits NormalizedClaim, Rejection {
}
