package io.outcomepay.claims.intake;

import io.outcomepay.billing.encounter.api.SourceRef;

/**
 * A reader over part of a file (one Kafka message of it) whose positions are shifted by an offset,
 * so claims and rejections name the line or segment of the whole file.
 */
public final class RenumberedClaimReader extends MappedClaimReader {

    private final long offset;

    public RenumberedClaimReader(ClaimReader part, long offset) {
        super(part);
        this.offset = offset;
    }

    @Override
    IntakeItem map(IntakeItem item) {
        if (offset == 0) {
            return item;
        }
        if (item instanceof Rejection r) {
            return new Rejection(r.file(), r.line() + offset, r.field(), r.reason(), r.rawRecord());
        }
        NormalizedClaim claim = (NormalizedClaim) item;
        return claim.at(new SourceRef(claim.source().file(), claim.source().record() + offset));
    }
}
