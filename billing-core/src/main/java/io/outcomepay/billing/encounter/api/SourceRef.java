package io.outcomepay.billing.encounter.api;

/** Where a claim came from: file (or channel) and record number, for the audit trail. */
public record SourceRef(String file, long record) {
    @Override
    public String toString() {
        return file + ":" + record;
    }
}
