package io.outcomepay.claims.csv;

import io.outcomepay.billing.limits.InvalidValue;
import io.outcomepay.billing.limits.Limits;
import io.outcomepay.billing.encounter.api.SourceRef;
import io.outcomepay.claims.intake.IntakeItem;
import io.outcomepay.claims.intake.Pseudonymizer;
import io.outcomepay.claims.intake.Rejection;
import io.outcomepay.claims.intake.StreamedClaimReader;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Streams a claims CSV (RFC 4180, header row; UTF-8, or GB18030 where the dialect allows it,
 * detected from the first 64 KiB) one record at a time in constant memory: a record longer than
 * {@link Limits#MAX_CSV_RECORD_CHARS} (an unclosed quote) is rejected and reading goes on after it.
 * A header without a required column rejects every record naming that column; a record with
 * a bad field is rejected naming it. Raw records kept for the dead-letter store carry the
 * patient's pseudonym, never the raw patient id.
 */
public final class ClaimCsvReader extends StreamedClaimReader {

    private static final int DETECTION_BYTES = 64 * 1024;
    private static final Charset GB18030 = Charset.forName("GB18030");

    private final BoundedRecords bounded;
    private final List<String> header;
    private CSVParser parser;
    private Iterator<CSVRecord> records;
    /** Physical lines before the current parser's first (after a record too long, parsing restarts). */
    private long lineOffset;
    /** A record too long (or whose quote the file never closes), rejected before the next record is read. */
    private Rejection tooLong;
    private boolean ended;
    private final CsvDialect dialect;
    private final String format;
    private final Pseudonymizer pseudonymizer;
    private final String missingColumn;
    private final String patientColumn;
    private final int headerSize;
    /** Line on which the last record read ended; a record starts on the line after it. */
    private long lastLine;

    private ClaimCsvReader(String sourceName, InputStream in, long totalBytes, List<CsvDialect> dialects,
                           Pseudonymizer pseudonymizer) throws IOException {
        super(sourceName, in, totalBytes);
        this.pseudonymizer = pseudonymizer;
        BufferedInputStream buffered = new BufferedInputStream(input(), DETECTION_BYTES);
        boolean utf8 = startsAsUtf8(buffered);
        Charset charset = !utf8 && dialects.stream().anyMatch(CsvDialect::allowsGb18030) ? GB18030 : StandardCharsets.UTF_8;
        BufferedReader reader = new BufferedReader(new InputStreamReader(buffered, charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)));
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        this.bounded = new BoundedRecords(reader, Limits.MAX_CSV_RECORD_CHARS);
        this.parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(bounded);
        this.header = List.copyOf(parser.getHeaderNames());
        this.dialect = dialects.stream().filter(d -> d.recognizes(header)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the header is in none of the formats "
                        + dialects.stream().map(d -> d.getClass().getSimpleName()).toList()));
        if (!utf8 && !dialect.allowsGb18030()) {
            throw new IllegalArgumentException("is not valid UTF-8");
        }
        this.format = charset.name();
        this.headerSize = header.size();
        this.missingColumn = dialect.missingColumn(header);
        this.patientColumn = dialect.patientColumn(header);
        this.records = parser.iterator();
        this.lastLine = parser.getCurrentLineNumber();
    }

    /** Opens a file in the first of the dialects that recognizes its header. */
    public static ClaimCsvReader open(Path file, List<CsvDialect> dialects, Pseudonymizer pseudonymizer) {
        try {
            return new ClaimCsvReader(file.getFileName().toString(), Files.newInputStream(file), Files.size(file),
                    dialects, pseudonymizer);
        } catch (IOException | IllegalArgumentException | UncheckedIOException e) {
            throw unreadableStart(file.getFileName().toString(), e, dialects);
        }
    }

    public static ClaimCsvReader of(String sourceName, InputStream in, List<CsvDialect> dialects,
                                    Pseudonymizer pseudonymizer) {
        return of(sourceName, in, -1, dialects, pseudonymizer);
    }

    /** @param totalBytes the stream's length for progress reporting, or -1 */
    public static ClaimCsvReader of(String sourceName, InputStream in, long totalBytes, List<CsvDialect> dialects,
                                    Pseudonymizer pseudonymizer) {
        try {
            return new ClaimCsvReader(sourceName, in, totalBytes, dialects, pseudonymizer);
        } catch (IOException | IllegalArgumentException | UncheckedIOException e) {
            throw unreadableStart(sourceName, e, dialects);
        }
    }

    /** Whether the first bytes decode as UTF-8 (a sequence cut at the end of the sample is not an error). */
    private static boolean startsAsUtf8(BufferedInputStream in) throws IOException {
        in.mark(DETECTION_BYTES);
        byte[] sample = in.readNBytes(DETECTION_BYTES);
        in.reset();
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CoderResult result = utf8.decode(ByteBuffer.wrap(sample), CharBuffer.allocate(sample.length), false);
        return !result.isError();
    }

    /** The format read and its encoding, e.g. "SettlementListDialect, GB18030". */
    public String describe() {
        return dialect.getClass().getSimpleName() + ", " + format;
    }

    private static IllegalArgumentException unreadableStart(String sourceName, Exception e, List<CsvDialect> dialects) {
        Throwable cause = e instanceof UncheckedIOException ? e.getCause() : e;
        if (cause instanceof CharacterCodingException || "is not valid UTF-8".equals(e.getMessage())) {
            boolean chinese = dialects.stream().anyMatch(CsvDialect::allowsGb18030) && !"is not valid UTF-8".equals(e.getMessage());
            return new IllegalArgumentException(sourceName + (chinese ? " is neither valid UTF-8 nor valid GB18030"
                    : " is not valid UTF-8"), e);
        }
        return new IllegalArgumentException(sourceName + ": cannot read the CSV header: " + e.getMessage(), e);
    }


    @Override
    public boolean hasNext() {
        if (tooLong != null) {
            return true;
        }
        if (ended) {
            return false;
        }
        try {
            return records.hasNext();
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof BoundedRecords.RecordTooLong over) {
                tooLong = restartAfter(over);
                return true;
            }
            if (String.valueOf(e.getMessage()).contains("EOF reached before encapsulated token finished")) {
                ended = true;
                long first = lastLine + 1;
                tooLong = new Rejection(sourceName(), first, "record", "a quoted field is not closed before the end "
                        + "of the file: lines " + first + "-" + (lineOffset + parser.getCurrentLineNumber())
                        + " are rejected as one record", "(not kept: an unclosed quote)");
                return true;
            }
            throw malformed(e);
        }
    }

    /**
     * A record over the bound is rejected (its text is not kept: it may be most of a file) and
     * parsing restarts, with the header known, on the line after the one the bound fell on.
     */
    private Rejection restartAfter(BoundedRecords.RecordTooLong over) {
        try {
            bounded.skipRestOfLine();
            lineOffset = bounded.newlines();
            parser = CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).setSkipHeaderRecord(false)
                    .get().parse(bounded);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        records = parser.iterator();
        lastLine = lineOffset;
        return new Rejection(sourceName(), over.firstLine, "record", over.getMessage(), "(not kept: over the bound)");
    }

    @Override
    public IntakeItem next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        if (tooLong != null) {
            Rejection rejected = tooLong;
            tooLong = null;
            return rejected;
        }
        CSVRecord record;
        try {
            record = records.next();
        } catch (UncheckedIOException e) {
            throw malformed(e);
        }
        long line = lastLine + 1;
        lastLine = lineOffset + parser.getCurrentLineNumber();
        Map<String, String> row = new HashMap<>();
        record.toMap().forEach(row::put);
        if (missingColumn != null) {
            return new Rejection(sourceName(), line, missingColumn, "column missing from the header", raw(record));
        }
        if (record.size() != headerSize) {
            return new Rejection(sourceName(), line, "record", "has " + record.size() + " fields, the header has "
                    + headerSize, raw(record));
        }
        try {
            return dialect.parse(row, new SourceRef(sourceName(), line));
        } catch (InvalidValue e) {
            // Only a rejected record is kept, so only then is its text made (a pseudonym costs an HMAC).
            String raw = raw(record);
            // Replayed after a fix (a baseline with the missing code, say) as this header and row.
            return new Rejection(sourceName(), line, e.field(), e.reason(), raw, Rejection.REPLAY_CSV,
                    csvLine(header) + "\n" + raw);
        }
    }

    private IllegalArgumentException malformed(UncheckedIOException e) {
        String what = e.getCause() instanceof CharacterCodingException ? "is not valid UTF-8" : "is not valid CSV";
        return new IllegalArgumentException(sourceName() + " " + what + " after line " + (lineOffset + parser.getCurrentLineNumber())
                + ": " + e.getMessage(), e);
    }

    /**
     * The record as CSV text, with the patient id replaced by its pseudonym; not kept when the
     * record's fields do not match the header (the patient id could then be in any of them).
     */
    private String raw(CSVRecord record) {
        List<String> values = record.toList();
        Integer patientIndex = patientColumn == null ? null : parser.getHeaderMap().get(patientColumn);
        if (patientIndex == null || values.size() != headerSize) {
            return "(not kept: its " + values.size() + " fields do not match the header's " + headerSize
                    + ", so its patient id cannot be told apart)";
        }
        if (!values.get(patientIndex).isBlank()) {
            values = new java.util.ArrayList<>(values);
            String patient;
            try {
                patient = Pseudonymizer.STORED_PREFIX + pseudonymizer.pseudonym(values.get(patientIndex).strip());
            } catch (InvalidValue overTheLimit) {
                patient = "(not kept: " + overTheLimit.reason() + ")";
            }
            values.set(patientIndex, patient);
        }
        return csvLine(values);
    }

    private static String csvLine(List<String> values) {
        StringBuilder out = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setRecordSeparator("").get())) {
            printer.printRecord(values);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }



    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
