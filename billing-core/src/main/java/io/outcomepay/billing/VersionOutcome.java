package io.outcomepay.billing;

/** What a versioned command did: the version now current, and whether this command created it. */
public record VersionOutcome(int version, boolean changed) {
}
