package io.outcomepay.claims.csv;

import io.outcomepay.billing.limits.InvalidValue;
import io.outcomepay.billing.encounter.api.SourceRef;
import io.outcomepay.claims.intake.NormalizedClaim;

import java.util.List;
import java.util.Map;

/** One CSV claim format: which columns it needs, where the patient id is, and how a row becomes a claim. */
public interface CsvDialect {

    /** Whether a file with this header is in this format (the fallback format says yes to any). */
    boolean recognizes(List<String> header);

    /** The first required column missing from this header, or null. */
    String missingColumn(List<String> header);

    /** The header column holding the raw patient id, or null. */
    String patientColumn(List<String> header);

    /** Whether a file that is not valid UTF-8 is read as GB18030 (Chinese forms) instead of refused. */
    boolean allowsGb18030();

    /** @throws InvalidValue naming the first field at fault */
    NormalizedClaim parse(Map<String, String> row, SourceRef source);
}
