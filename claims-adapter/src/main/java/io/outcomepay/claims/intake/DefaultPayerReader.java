package io.outcomepay.claims.intake;

import io.outcomepay.billing.limits.Limit;

/**
 * A reader whose claims and remittances that name no payer get the given one (`ingest FILE --payer
 * ID`): a file from one payer's system, or a format that carries none.
 */
public final class DefaultPayerReader implements ClaimReader {

    private final ClaimReader file;
    private final String payer;

    public DefaultPayerReader(ClaimReader file, String payer) {
        this.file = file;
        this.payer = Limit.PARTY_ID.require("--payer", payer);
    }

    @Override
    public boolean hasNext() {
        return file.hasNext();
    }

    @Override
    public IntakeItem next() {
        IntakeItem item = file.next();
        return item instanceof NormalizedClaim claim ? claim.withDefaultPayer(payer) : item;
    }

    @Override
    public String sourceName() {
        return file.sourceName();
    }

    @Override
    public long bytesRead() {
        return file.bytesRead();
    }

    @Override
    public long totalBytes() {
        return file.totalBytes();
    }

    @Override
    public void close() {
        file.close();
    }
}
