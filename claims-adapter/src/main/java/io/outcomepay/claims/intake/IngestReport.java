package io.outcomepay.claims.intake;

/**
 * Counts of one ingest: every record read is exactly one of recorded, corrected, voided,
 * duplicate or rejected (conflicts are rejections too, counted again under conflicts).
 */
public record IngestReport(String source, long read, long recorded, long duplicate, long corrected, long voided,
                           long rejected, long conflicts) {

    public String summary() {
        return "read " + read + ", recorded " + recorded + ", duplicate " + duplicate + ", corrected " + corrected
                + ", voided " + voided + ", rejected " + rejected + " (of which conflicts " + conflicts + ")";
    }
}
