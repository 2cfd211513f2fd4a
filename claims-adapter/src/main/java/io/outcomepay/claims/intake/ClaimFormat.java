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

    public static ClaimFormat detect(byte[] start) {
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
    public static String x12Transaction(byte[] start) {
        String text = new String(start, StandardCharsets.ISO_8859_1);
        if (text.length() < 4) {
            return "unknown";
        }
        Matcher st = Pattern.compile("(?:^|[^A-Z0-9])ST" + Pattern.quote(text.substring(3, 4)) + "(\\d{3})").matcher(text);
        return st.find() ? st.group(1) : "unknown";
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
