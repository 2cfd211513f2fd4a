package io.outcomepay.claims.intake;

/**
 * Writes a normalized claim as text and reads it back, for dead letters of claims that were read
 * but refused by their encounter (a correction before its original, say): replayed as they were.
 */
public interface ClaimPayloads {

    String write(NormalizedClaim claim);

    NormalizedClaim read(String payload);
}
