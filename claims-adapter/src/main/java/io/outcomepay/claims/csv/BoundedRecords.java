package io.outcomepay.claims.csv;

import java.io.IOException;
import java.io.Reader;

/**
 * The characters of a CSV stream with each record held to a maximum length, so that an unclosed
 * quote (which would make the rest of the file one field) never buffers a whole file: past the
 * bound, the read fails with {@link RecordTooLong}; {@link #skipRestOfLine()} then drops the rest
 * of the physical line the bound fell on, and reading goes on, unquoted, from the next one.
 * Quotes are tracked as RFC 4180 has them (a doubled quote inside a quoted field toggles twice).
 */
final class BoundedRecords extends Reader {

    private final Reader in;
    private final int maxRecordChars;
    private final char[] buffer = new char[8192];
    private int position;
    private int limit;
    private boolean quoted;
    private int recordLength;
    private long newlines;
    private long recordStartNewlines;
    private boolean overBound;

    BoundedRecords(Reader in, int maxRecordChars) {
        this.in = in;
        this.maxRecordChars = maxRecordChars;
    }

    /** A record longer than the bound, from its first physical line to the one the bound fell on. */
    static final class RecordTooLong extends IOException {
        final long firstLine;

        RecordTooLong(long firstLine, long lastLine, int bound) {
            super("a record is longer than " + bound + " characters (a quoted field not closed?): lines "
                    + firstLine + "-" + lastLine + " are rejected as one record");
            this.firstLine = firstLine;
        }
    }

    @Override
    public int read(char[] out, int offset, int length) throws IOException {
        if (overBound) {
            throw new RecordTooLong(recordStartNewlines + 1, newlines + 1, maxRecordChars);
        }
        if (length == 0) {
            return 0;
        }
        if (position == limit && !fill()) {
            return -1;
        }
        int n = 0;
        while (n < length && position < limit) {
            char c = buffer[position];
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == '\n') {
                newlines++;
                if (!quoted) {
                    recordLength = 0;
                    recordStartNewlines = newlines;
                }
            } else if (++recordLength > maxRecordChars) {
                overBound = true;
                break;
            }
            out[offset + n++] = c;
            position++;
        }
        if (n == 0) {
            throw new RecordTooLong(recordStartNewlines + 1, newlines + 1, maxRecordChars);
        }
        return n;
    }

    /** After a record too long: drops the rest of the current physical line; reading resumes unquoted. */
    void skipRestOfLine() throws IOException {
        while (true) {
            if (position == limit && !fill()) {
                break;
            }
            char c = buffer[position++];
            if (c == '\n') {
                newlines++;
                break;
            }
        }
        overBound = false;
        quoted = false;
        recordLength = 0;
        recordStartNewlines = newlines;
    }

    /** Physical lines ended so far. */
    long newlines() {
        return newlines;
    }

    private boolean fill() throws IOException {
        int read = in.read(buffer, 0, buffer.length);
        if (read <= 0) {
            return false;
        }
        position = 0;
        limit = read;
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
