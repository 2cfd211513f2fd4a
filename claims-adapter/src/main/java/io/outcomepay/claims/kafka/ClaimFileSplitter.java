package io.outcomepay.claims.kafka;

import io.outcomepay.claims.intake.ClaimFormat;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Cuts a claims file into self-contained intake messages, streaming, in constant memory:
 * <ul>
 *   <li>CSV: the header record followed by up to {@code recordsPerMessage} rows (quoted line breaks
 *       kept inside their row);</li>
 *   <li>X12: one transaction set (ST..SE) per message, in its ISA/GS envelope;</li>
 *   <li>FHIR: up to {@code recordsPerMessage} NDJSON lines, or the whole document when it is one
 *       resource or Bundle.</li>
 * </ul>
 * A message larger than {@code maxMessageBytes} is refused naming where it starts.
 */
public final class ClaimFileSplitter implements Iterator<ClaimMessage>, AutoCloseable {

    private final String source;
    private final ClaimFormat format;
    private final BufferedInputStream in;
    private final int recordsPerMessage;
    private final int maxMessageBytes;
    private ClaimMessage next;
    private boolean finished;

    // CSV and NDJSON: the header bytes (CSV), how many lines it spans, and the next physical line.
    private byte[] csvHeader;
    private long csvHeaderLines;
    private long line = 1;
    // X12: delimiters and envelope.
    private byte terminator;
    private byte separator;
    private byte[] isa;
    private byte[] gs;
    private String isaControl;
    private String gsControl;
    private long segment;
    private boolean fhirDocument;

    private ClaimFileSplitter(String source, InputStream in, int recordsPerMessage, int maxMessageBytes) {
        this.source = source;
        this.in = new BufferedInputStream(in, 1 << 16);
        this.recordsPerMessage = recordsPerMessage;
        this.maxMessageBytes = maxMessageBytes;
        try {
            ClaimFormat.Sniffed sniffed = ClaimFormat.sniff(this.in);
            this.format = sniffed.format();
            if (format == ClaimFormat.FHIR) {
                fhirDocument = !firstLineIsWholeResource(sniffed.start());
            }
        } catch (UncheckedIOException e) {
            throw new UncheckedIOException("cannot read " + source, e.getCause());
        }
    }

    public static ClaimFileSplitter open(Path file, int recordsPerMessage, int maxMessageBytes) {
        try {
            return new ClaimFileSplitter(file.getFileName().toString(), Files.newInputStream(file), recordsPerMessage,
                    maxMessageBytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    public static ClaimFileSplitter of(String source, InputStream in, int recordsPerMessage, int maxMessageBytes) {
        return new ClaimFileSplitter(source, in, recordsPerMessage, maxMessageBytes);
    }

    public ClaimFormat format() {
        return format;
    }

    @Override
    public boolean hasNext() {
        if (next == null && !finished) {
            try {
                next = switch (format) {
                    case CSV -> csv();
                    case X12 -> x12();
                    case FHIR -> fhirDocument ? wholeDocument() : ndjson();
                };
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + source, e);
            }
            finished = next == null;
        }
        return next != null;
    }

    @Override
    public ClaimMessage next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        ClaimMessage message = next;
        next = null;
        return message;
    }

    private ClaimMessage csv() throws IOException {
        if (csvHeader == null) {
            ByteArrayOutputStream header = new ByteArrayOutputStream();
            long lines = csvRecord(header);
            if (lines == 0) {
                return null;
            }
            csvHeader = header.toByteArray();
            csvHeaderLines = lines;
            line += lines;
        }
        // In the message the first row starts on the line after the header.
        return lines(csvHeader, csvHeaderLines + 1, this::csvRecord);
    }

    /** Copies one record into the message; returns the physical lines it spans, 0 at the end. */
    @FunctionalInterface
    private interface RecordCopier {
        long copy(ByteArrayOutputStream out) throws IOException;
    }

    /**
     * A message of up to recordsPerMessage records after the prefix, whose first record is on
     * line firstInMessage of the message; null at the end of the file.
     */
    private ClaimMessage lines(byte[] prefix, long firstInMessage, RecordCopier copier) throws IOException {
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        payload.write(prefix);
        long firstLine = line;
        int records = 0;
        while (records < recordsPerMessage) {
            long lines = copier.copy(payload);
            if (lines == 0) {
                break;
            }
            line += lines;
            records++;
            checkSize(payload, firstLine, "line");
        }
        return records == 0 ? null : new ClaimMessage(source, format, firstLine - firstInMessage, records,
                payload.toByteArray());
    }

    /** Copies one CSV record with its line break; returns the physical lines it spans, 0 at the end. */
    private long csvRecord(ByteArrayOutputStream out) throws IOException {
        boolean quoted = false;
        long lines = 0;
        int c;
        boolean any = false;
        while ((c = in.read()) != -1) {
            any = true;
            out.write(c);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r') {
                    in.mark(1);
                    int after = in.read();
                    if (after == '\n') {
                        out.write(after);
                    } else if (after != -1) {
                        in.reset();
                    }
                }
                lines++;
                if (!quoted) {
                    return lines;
                }
            }
        }
        if (!any) {
            return 0;
        }
        out.write('\n');
        return lines + 1;
    }

    private ClaimMessage ndjson() throws IOException {
        return lines(new byte[0], 1, this::wholeLine);
    }

    /** Copies one line whatever its quotes (an NDJSON resource), 0 at the end. */
    private long wholeLine(ByteArrayOutputStream out) throws IOException {
        int c;
        boolean any = false;
        while ((c = in.read()) != -1) {
            any = true;
            out.write(c);
            if (c == '\n') {
                return 1;
            }
        }
        if (any) {
            out.write('\n');
            return 1;
        }
        return 0;
    }

    private ClaimMessage wholeDocument() throws IOException {
        byte[] all = in.readNBytes(maxMessageBytes + 1);
        if (all.length > maxMessageBytes) {
            throw new IllegalArgumentException(source + ": a FHIR document larger than " + maxMessageBytes
                    + " bytes does not fit in one message; send it as NDJSON (one resource per line)");
        }
        finished = true;
        return all.length == 0 ? null : new ClaimMessage(source, format, 0, 1, all);
    }

    private ClaimMessage x12() throws IOException {
        if (isa == null) {
            byte[] header = in.readNBytes(106);
            if (header.length < 106) {
                throw new IllegalArgumentException(source + ": the ISA segment is shorter than 106 characters");
            }
            separator = header[3];
            terminator = header[105];
            isa = header;
            isaControl = element(header, 13);
            segment = 1;
        }
        ByteArrayOutputStream payload = null;
        long stSegment = 0;
        byte[] seg;
        while ((seg = x12Segment()) != null) {
            segment++;
            String tag = tag(seg);
            switch (tag) {
                case "GS" -> {
                    gs = seg;
                    gsControl = element(seg, 6);
                }
                case "ST" -> {
                    payload = new ByteArrayOutputStream();
                    payload.write(isa);
                    payload.write('\n');
                    if (gs != null) {
                        payload.write(gs);
                        payload.write(terminator);
                        payload.write('\n');
                    }
                    stSegment = segment;
                    payload.write(seg);
                    payload.write(terminator);
                    payload.write('\n');
                }
                case "SE" -> {
                    if (payload != null) {
                        payload.write(seg);
                        payload.write(terminator);
                        payload.write('\n');
                        String trailer = "GE" + (char) separator + "1" + (char) separator + gsControl + (char) terminator
                                + "\nIEA" + (char) separator + "1" + (char) separator + isaControl + (char) terminator + "\n";
                        payload.write(trailer.getBytes(StandardCharsets.ISO_8859_1));
                        checkSize(payload, stSegment, "segment");
                        // In the message ST is segment 3 (after ISA and GS).
                        return new ClaimMessage(source, format, stSegment - 3, 1, payload.toByteArray());
                    }
                }
                case "GE", "IEA" -> {
                    // each message carries its own trailers
                }
                default -> {
                    if (payload != null) {
                        payload.write(seg);
                        payload.write(terminator);
                        payload.write('\n');
                        checkSize(payload, stSegment, "segment");
                    }
                }
            }
        }
        if (payload != null) {
            throw new IllegalArgumentException(source + ": the transaction set starting at segment " + stSegment
                    + " has no SE segment");
        }
        return null;
    }

    /** The next segment without its terminator and surrounding line breaks, or null at the end. */
    private byte[] x12Segment() throws IOException {
        ByteArrayOutputStream seg = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1) {
            if (c == terminator) {
                return seg.toByteArray();
            }
            if (seg.size() == 0 && (c == '\n' || c == '\r' || c == ' ' || c == '\t')) {
                continue;
            }
            seg.write(c);
            if (seg.size() > maxMessageBytes) {
                throw new IllegalArgumentException(source + ": segment " + (segment + 1) + " has no terminator within "
                        + maxMessageBytes + " bytes");
            }
        }
        return seg.size() == 0 ? null : seg.toByteArray();
    }

    private String tag(byte[] seg) {
        int end = 0;
        while (end < seg.length && seg[end] != separator) {
            end++;
        }
        return new String(seg, 0, end, StandardCharsets.ISO_8859_1).strip();
    }

    private String element(byte[] seg, int position) {
        String[] parts = new String(seg, StandardCharsets.ISO_8859_1).split(java.util.regex.Pattern.quote(
                String.valueOf((char) separator)), -1);
        return position < parts.length ? parts[position].strip() : "";
    }

    private void checkSize(ByteArrayOutputStream payload, long from, String unit) {
        if (payload.size() > maxMessageBytes) {
            throw new IllegalArgumentException(source + ": the message starting at " + unit + " " + from
                    + " is larger than " + maxMessageBytes + " bytes");
        }
    }

    private static boolean firstLineIsWholeResource(byte[] start) {
        String text = new String(start, StandardCharsets.UTF_8).replace("\uFEFF", "");
        int end = text.indexOf('\n');
        if (end < 0) {
            // One line in the sample: a resource on one line, or a long document; NDJSON reads both.
            return true;
        }
        String first = text.substring(0, end).strip();
        return first.startsWith("{") && first.endsWith("}") && first.length() > 2;
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
