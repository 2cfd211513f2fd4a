package io.outcomepay.claims.intake;

import java.io.IOException;
import java.io.Reader;

/**
 * Lines of text held to a maximum length, so that no line (an NDJSON resource, say) can fill the
 * memory: a longer one is skipped to its end and reported by {@link LineTooLong}; the next call
 * reads the line after it.
 */
public final class BoundedLines implements AutoCloseable {

    private final Reader in;
    private final int maxChars;
    private final char[] buffer = new char[8192];
    private int position;
    private int limit;
    private long lineNumber;

    public BoundedLines(Reader in, int maxChars) {
        this.in = in;
        this.maxChars = maxChars;
    }

    /** A line longer than the maximum, skipped. */
    public static final class LineTooLong extends IOException {
        private final long line;

        public LineTooLong(long line, int max) {
            super("line " + line + " is longer than " + max + " characters");
            this.line = line;
        }

        public long line() {
            return line;
        }
    }

    /** The next line without its terminator, or null at the end. @throws LineTooLong after skipping it */
    public String readLine() throws IOException {
        StringBuilder line = new StringBuilder();
        boolean any = false;
        boolean tooLong = false;
        while (true) {
            if (position == limit) {
                int read = in.read(buffer, 0, buffer.length);
                if (read <= 0) {
                    break;
                }
                position = 0;
                limit = read;
            }
            any = true;
            char c = buffer[position++];
            if (c == '\n') {
                lineNumber++;
                return finish(line, tooLong);
            }
            if (!tooLong) {
                if (line.length() == maxChars) {
                    tooLong = true;
                    line.setLength(0);
                } else {
                    line.append(c);
                }
            }
        }
        if (!any) {
            return null;
        }
        lineNumber++;
        return finish(line, tooLong);
    }

    private String finish(StringBuilder line, boolean tooLong) throws LineTooLong {
        if (tooLong) {
            throw new LineTooLong(lineNumber, maxChars);
        }
        int end = line.length();
        return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
