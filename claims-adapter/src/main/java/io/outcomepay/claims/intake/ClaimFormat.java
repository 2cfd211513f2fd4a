package io.outcomepay.claims.intake;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The families of claim payloads OutcomePay reads, as named in a Kafka message's format header and
 * detected from a file's first bytes: X12 (837I claims or 835 remittances, by ST01), FHIR R4 JSON
 * (a resource, a Bundle or NDJSON) and CSV (the neutral format or the 结算清单, by its header).
 */
public enum ClaimFormat {
    CSV, X12, FHIR;

    /** How many first bytes {@link #detect} needs at most. */
    public static final int DETECTION_BYTES = 4096;

    private static ClaimFormat detect(byte[] start) {
        String text = new String(start, StandardCharsets.ISO_8859_1);
        if (text.startsWith("ISA")) {
            return X12;
        }
        for (int i = 0; i < start.length; i++) {
            int c = start[i] & 0xFF;
            if (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == 0xEF || c == 0xBB || c == 0xBF) {
                continue;
            }
            return c == '{' ? FHIR : CSV;
        }
        return CSV;
    }

    /** The X12 transaction set (ST01, e.g. "837") in the first bytes of an interchange, or "unknown". */
    private static String x12Transaction(byte[] start) {
        String text = new String(start, StandardCharsets.ISO_8859_1);
        if (text.length() < 4) {
            return "unknown";
        }
        Matcher st = Pattern.compile("(?:^|[^A-Z0-9])ST" + Pattern.quote(text.substring(3, 4)) + "(\\d{3})").matcher(text);
        return st.find() ? st.group(1) : "unknown";
    }

    /** What a payload's first bytes say: its family and, for X12, its transaction set (ST01: "837", "835"). */
    public record Sniffed(ClaimFormat format, String transaction, byte[] start) {
        /** An X12 835: claims' remittances and the payments they state. */
        public boolean isRemittance() {
            return format == X12 && "835".equals(transaction);
        }
    }

    /** The one sniffer of payloads: what the first {@link #DETECTION_BYTES} bytes say. */
    public static Sniffed sniff(byte[] start) {
        ClaimFormat format = detect(start);
        return new Sniffed(format, format == X12 ? x12Transaction(start) : null, start);
    }

    /** Sniffs a stream's first bytes and puts them back: the stream is read from its start afterwards. */
    public static Sniffed sniff(java.io.BufferedInputStream in) {
        try {
            in.mark(DETECTION_BYTES);
            byte[] start = in.readNBytes(DETECTION_BYTES);
            in.reset();
            return sniff(start);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The format named by a header value (csv, x12, fhir; any case). */
    public static ClaimFormat named(String name) {
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("format '" + name + "' is none of csv, x12, fhir");
        }
    }

    public String headerValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
