package io.outcomepay.claims.intake;

import java.util.Iterator;

/** A streaming source of claims in some format; reads one record at a time. */
public interface ClaimReader extends Iterator<IntakeItem>, AutoCloseable {

    /** Name of the file or channel, as reported in rejections. */
    String sourceName();

    /** Bytes consumed so far and in all (or -1 when unknown), for progress reporting. */
    long bytesRead();

    long totalBytes();

    @Override
    void close();
}
