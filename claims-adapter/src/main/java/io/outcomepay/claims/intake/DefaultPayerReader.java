package io.outcomepay.claims.intake;

import io.outcomepay.billing.limits.Limit;

/**
 * A reader whose claims and remittances that name no payer get the given one (`ingest FILE --payer
 * ID`): a file from one payer's system, or a format that carries none.
 */
public final class DefaultPayerReader extends MappedClaimReader {

    private final String payer;

    public DefaultPayerReader(ClaimReader file, String payer) {
        super(file);
        this.payer = Limit.PARTY_ID.require("--payer", payer);
    }

    @Override
    IntakeItem map(IntakeItem item) {
        return item instanceof NormalizedClaim claim ? claim.withDefaultPayer(payer) : item;
    }
}
