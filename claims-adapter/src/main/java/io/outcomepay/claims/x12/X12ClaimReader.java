package io.outcomepay.claims.x12;

import io.outcomepay.claims.intake.IntakeItem;
import io.outcomepay.claims.intake.StreamedClaimReader;

import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.NoSuchElementException;

/**
 * Shared streaming of an X12 file into claims: segments are handed to the format's reader, which
 * queues a claim (or a rejection) each time one is complete. Positions are segment numbers (ISA = 1).
 */
abstract class X12ClaimReader extends StreamedClaimReader {

    private final X12Segments segments;
    final Deque<IntakeItem> ready = new ArrayDeque<>();
    private boolean finished;

    X12ClaimReader(String sourceName, InputStream in, long totalBytes) {
        super(sourceName, in, totalBytes);
        this.segments = new X12Segments(sourceName, input());
    }

    /** Acts on one segment. */
    abstract void segment(X12Segments.Segment segment);

    /** Queues the claim being read, if any. */
    abstract void flush();

    @Override
    public boolean hasNext() {
        while (ready.isEmpty() && !finished) {
            X12Segments.Segment segment;
            try {
                segment = segments.next();
            } catch (IllegalArgumentException unreadable) {
                flush();
                finished = true;
                throw unreadable;
            }
            if (segment == null) {
                flush();
                finished = true;
            } else {
                segment(segment);
            }
        }
        return !ready.isEmpty();
    }

    @Override
    public IntakeItem next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return ready.poll();
    }




    @Override
    public void close() {
        segments.close();
    }

}
