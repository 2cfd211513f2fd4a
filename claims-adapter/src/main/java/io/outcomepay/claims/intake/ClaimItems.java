package io.outcomepay.claims.intake;

import java.util.Iterator;
import java.util.List;

/** Claims already read (a replayed dead letter), as a reader. */
public final class ClaimItems implements ClaimReader {

    private final String sourceName;
    private final Iterator<? extends IntakeItem> items;

    public ClaimItems(String sourceName, List<? extends IntakeItem> items) {
        this.sourceName = sourceName;
        this.items = items.iterator();
    }

    @Override
    public boolean hasNext() {
        return items.hasNext();
    }

    @Override
    public IntakeItem next() {
        return items.next();
    }

    @Override
    public String sourceName() {
        return sourceName;
    }

    @Override
    public long bytesRead() {
        return 0;
    }

    @Override
    public long totalBytes() {
        return -1;
    }

    @Override
    public void close() {
        // nothing to release
    }
}
