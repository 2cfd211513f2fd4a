package io.outcomepay.claims.intake;

/**
 * Counts of one ingest: every record read is exactly one of recorded, corrected, voided,
 * adjudicated (remittances), duplicate or rejected (conflicts are rejections too, counted again
 * under conflicts).
 */
public record IngestReport(String source, long read, long recorded, long duplicate, long corrected, long voided,
                           long rejected, long conflicts, long adjudicated) {

    public IngestReport(String source, long read, long recorded, long duplicate, long corrected, long voided,
                        long rejected, long conflicts) {
        this(source, read, recorded, duplicate, corrected, voided, rejected, conflicts, 0);
    }

    /** The counts of this and another ingest together, under the given source name. */
    public IngestReport plus(IngestReport other, String sourceName) {
        return new IngestReport(sourceName, read + other.read, recorded + other.recorded, duplicate + other.duplicate,
                corrected + other.corrected, voided + other.voided, rejected + other.rejected,
                conflicts + other.conflicts, adjudicated + other.adjudicated);
    }

    public String summary() {
        return "read " + read + ", recorded " + recorded + ", duplicate " + duplicate + ", corrected " + corrected
                + ", voided " + voided + (adjudicated > 0 ? ", remittances " + adjudicated : "")
                + ", rejected " + rejected + " (of which conflicts " + conflicts + ")";
    }
}
