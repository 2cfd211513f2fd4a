package io.outcomepay.claims.csv;

import io.outcomepay.billing.encounter.api.SourceRef;
import io.outcomepay.claims.intake.ClaimReader;
import io.outcomepay.claims.intake.IntakeItem;
import io.outcomepay.claims.intake.Pseudonymizer;
import io.outcomepay.claims.intake.Rejection;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
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
 * Streams a claims CSV (UTF-8, RFC 4180, header row) one record at a time in constant memory.
 * A header without a required column rejects every record naming that column; a record with
 * a bad field is rejected naming it. Raw records kept for the dead-letter store carry the
 * patient's pseudonym, never the raw patient id.
 */
public final class ClaimCsvReader implements ClaimReader {

    private final String sourceName;
    private final CountingStream counting;
    private final long totalBytes;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final ClaimCsvRecordParser recordParser;
    private final Pseudonymizer pseudonymizer;
    private final String missingColumn;
    private final int headerSize;
    /** Line on which the last record read ended; a record starts on the line after it. */
    private long lastLine;

    private ClaimCsvReader(String sourceName, InputStream in, long totalBytes, ClaimCsvRecordParser recordParser,
                           Pseudonymizer pseudonymizer) throws IOException {
        this.sourceName = sourceName;
        this.counting = new CountingStream(in);
        this.totalBytes = totalBytes;
        this.recordParser = recordParser;
        this.pseudonymizer = pseudonymizer;
        BufferedReader reader = new BufferedReader(new InputStreamReader(counting, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)));
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        this.parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader);
        List<String> header = parser.getHeaderNames();
        this.headerSize = header.size();
        this.missingColumn = ClaimCsvColumns.ALL.stream().filter(c -> !header.contains(c)).findFirst().orElse(null);
        this.records = parser.iterator();
        this.lastLine = parser.getCurrentLineNumber();
    }

    public static ClaimCsvReader open(Path file, ClaimCsvRecordParser recordParser, Pseudonymizer pseudonymizer) {
        try {
            return new ClaimCsvReader(file.getFileName().toString(), Files.newInputStream(file), Files.size(file),
                    recordParser, pseudonymizer);
        } catch (IOException | IllegalArgumentException | UncheckedIOException e) {
            throw unreadableStart(file.getFileName().toString(), e);
        }
    }

    public static ClaimCsvReader of(String sourceName, InputStream in, ClaimCsvRecordParser recordParser,
                                    Pseudonymizer pseudonymizer) {
        try {
            return new ClaimCsvReader(sourceName, in, -1, recordParser, pseudonymizer);
        } catch (IOException | IllegalArgumentException | UncheckedIOException e) {
            throw unreadableStart(sourceName, e);
        }
    }

    private static IllegalArgumentException unreadableStart(String sourceName, Exception e) {
        Throwable cause = e instanceof UncheckedIOException ? e.getCause() : e;
        if (cause instanceof CharacterCodingException) {
            return new IllegalArgumentException(sourceName + " is not valid UTF-8", e);
        }
        return new IllegalArgumentException(sourceName + ": cannot read the CSV header: " + e.getMessage(), e);
    }

    @Override
    public String sourceName() {
        return sourceName;
    }

    @Override
    public boolean hasNext() {
        try {
            return records.hasNext();
        } catch (UncheckedIOException e) {
            throw malformed(e);
        }
    }

    @Override
    public IntakeItem next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        CSVRecord record;
        try {
            record = records.next();
        } catch (UncheckedIOException e) {
            throw malformed(e);
        }
        long line = lastLine + 1;
        lastLine = parser.getCurrentLineNumber();
        Map<String, String> row = new HashMap<>();
        record.toMap().forEach(row::put);
        String raw = raw(record);
        if (missingColumn != null) {
            return new Rejection(sourceName, line, missingColumn, "column missing from the header", raw);
        }
        if (record.size() != headerSize) {
            return new Rejection(sourceName, line, "record", "has " + record.size() + " fields, the header has "
                    + headerSize, raw);
        }
        try {
            return recordParser.parse(row, new SourceRef(sourceName, line));
        } catch (ClaimCsvRecordParser.InvalidField e) {
            return new Rejection(sourceName, line, e.field(), e.getMessage(), raw);
        }
    }

    private IllegalArgumentException malformed(UncheckedIOException e) {
        String what = e.getCause() instanceof CharacterCodingException ? "is not valid UTF-8" : "is not valid CSV";
        return new IllegalArgumentException(sourceName + " " + what + " after line " + parser.getCurrentLineNumber()
                + ": " + e.getMessage(), e);
    }

    /** The record as CSV text, with the patient id replaced by its pseudonym. */
    private String raw(CSVRecord record) {
        List<String> values = record.toList();
        Integer patientIndex = parser.getHeaderMap().get(ClaimCsvColumns.PATIENT_ID);
        if (patientIndex != null && patientIndex < values.size() && !values.get(patientIndex).isBlank()) {
            values = new java.util.ArrayList<>(values);
            values.set(patientIndex, "pseudonym:" + pseudonymizer.pseudonym(values.get(patientIndex).strip()));
        }
        StringBuilder out = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setRecordSeparator("").get())) {
            printer.printRecord(values);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    @Override
    public long bytesRead() {
        return counting.count;
    }

    @Override
    public long totalBytes() {
        return totalBytes;
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class CountingStream extends FilterInputStream {
        private long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
