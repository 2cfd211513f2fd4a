package io.outcomepay.claims.intake;

/** A reader that passes every item of another through {@link #map}, and is that reader otherwise. */
abstract class MappedClaimReader implements ClaimReader {

    private final ClaimReader part;

    MappedClaimReader(ClaimReader part) {
        this.part = part;
    }

    abstract IntakeItem map(IntakeItem item);

    @Override
    public final boolean hasNext() {
        return part.hasNext();
    }

    @Override
    public final IntakeItem next() {
        return map(part.next());
    }

    @Override
    public final String sourceName() {
        return part.sourceName();
    }

    @Override
    public final long bytesRead() {
        return part.bytesRead();
    }

    @Override
    public final long totalBytes() {
        return part.totalBytes();
    }

    @Override
    public final void close() {
        part.close();
    }
}
