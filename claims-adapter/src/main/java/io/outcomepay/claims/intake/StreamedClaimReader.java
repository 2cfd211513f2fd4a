package io.outcomepay.claims.intake;

import java.io.InputStream;

/**
 * What every streaming claim reader shares: its source name and the bytes read through it, for
 * rejections and progress reporting.
 */
public abstract class StreamedClaimReader implements ClaimReader {

    private final String sourceName;
    private final CountingInputStream counting;
    private final long totalBytes;

    protected StreamedClaimReader(String sourceName, InputStream in, long totalBytes) {
        this.sourceName = io.outcomepay.billing.limits.Limit.SOURCE_NAME.require("source", sourceName);
        this.counting = new CountingInputStream(in);
        this.totalBytes = totalBytes;
    }

    /** The input to read from, counted. */
    protected InputStream input() {
        return counting;
    }

    @Override
    public String sourceName() {
        return sourceName;
    }

    @Override
    public long bytesRead() {
        return counting.count();
    }

    @Override
    public long totalBytes() {
        return totalBytes;
    }
}
