package io.outcomepay.billing.baseline.api;

import java.time.LocalDate;
import java.util.List;

/** A new version of a baseline table, in force from effectiveFrom until a later version. */
public record BaselineTablePublished(String tableId, int version, BaselineKind kind, LocalDate effectiveFrom,
                                     String source, String contentSha256, List<BaselineEntry> entries) implements BaselineEvent {
}
