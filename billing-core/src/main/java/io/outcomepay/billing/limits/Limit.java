package io.outcomepay.billing.limits;

import java.util.regex.Pattern;

/**
 * The text limits every value is held to before its event is stored (docs/limits.md is this table).
 * Every read-model column that holds such a value is at least as wide as its limit, so no accepted
 * value can fail a projection; a test compares the two.
 */
public enum Limit {
    /** Claim, settlement (结算ID), replacement, void and original claim ids; 就诊ID. */
    CLAIM_ID(64, Shape.IDENTIFIER),
    /** NPI (10 digits), 定点医疗机构代码 (e.g. H11010500123) or any hospital code. */
    HOSPITAL_ID(64, Shape.IDENTIFIER),
    /** Insurer, vendor, payer and payee ids; actors of the month-close steps. */
    PARTY_ID(128, Shape.IDENTIFIER),
    /** Contract and baseline table ids: letters (any script), digits, '.', '_' and '-'. */
    CONTRACT_ID(100, Shape.NAME_ID),
    BASELINE_TABLE_ID(100, Shape.NAME_ID),
    /** A vendor's usage event id. */
    USAGE_EVENT_ID(128, Shape.IDENTIFIER),
    /** An OutcomePay encounter id, as a usage event's encounter_ref names it: a UUID. */
    ENCOUNTER_ID(36, Shape.UUID),
    /** A payment's reference (an invoice number when it names one). */
    PAYMENT_REFERENCE(128, Shape.IDENTIFIER),
    /** The patient's id as a file sends it, before it is pseudonymized (an error never shows it). */
    PATIENT_ID(128, Shape.IDENTIFIER),
    /** MS-DRG (3 digits), CHS-DRG (e.g. GB13), G-DRG (A01A), NordDRG (01M01C) and the like. */
    DRG(8, Shape.CODE),
    /**
     * A DIP group: a diagnosis with procedures or a treatment, e.g. N18.500:51.3523#01,
     * I63.9:99.1001+88.4101, C34.9:保守治疗 (codes vary by region: any printable text).
     */
    DIP_GROUP(64, Shape.IDENTIFIER),
    /** A diagnosis code: ICD-10 (CM, the Chinese national version), e.g. I21.4, N18.500x001, A17.0†. */
    ICD10(16, Shape.IDENTIFIER),
    /** ISO 4217 currency code. */
    CURRENCY(3, Shape.CURRENCY),
    /** AI service and model names, a usage event's kind. */
    SERVICE_NAME(128, Shape.IDENTIFIER),
    MODEL_VERSION(128, Shape.IDENTIFIER),
    USAGE_KIND(64, Shape.IDENTIFIER),
    /** A baseline group's title. */
    TITLE(500, Shape.TEXT),
    /** Reasons of the month-close steps, a baseline table's source. */
    REASON(1000, Shape.TEXT),
    SOURCE(1000, Shape.TEXT),
    /** The name of a file or stream a record came from (a file name, a REST request's source). */
    SOURCE_NAME(255, Shape.IDENTIFIER),
    /** X12 codes of a remittance: CLP02 status, CAS group and reason, payer claim number. */
    X12_CODE(50, Shape.IDENTIFIER);

    private final int maxLength;
    private final Shape shape;

    Limit(int maxLength, Shape shape) {
        this.maxLength = maxLength;
        this.shape = shape;
    }

    public int maxLength() {
        return maxLength;
    }

    /** What the value may contain, in words (the docs' table). */
    public String allowed() {
        return shape.words;
    }

    /** The value when it is within the limit; null stays null (whether a field is required is its message's rule). */
    public String check(String field, String value) {
        if (value == null) {
            return null;
        }
        if (value.length() > maxLength) {
            throw new InvalidValue(field, "is " + value.length() + " characters long, at most " + maxLength
                    + " are accepted");
        }
        if (!shape.accepts(value)) {
            throw new InvalidValue(field, (this == PATIENT_ID ? "the value" : "'" + printable(value) + "'")
                    + " is not " + shape.words);
        }
        return value;
    }

    /** The value, which must be present and not blank. */
    public String require(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidValue(field, "is required");
        }
        return check(field, value);
    }

    /** Control characters shown as \\uXXXX, so that an error message is one printable line. */
    static String printable(String value) {
        StringBuilder out = new StringBuilder();
        value.codePoints().limit(80).forEach(c -> {
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
                out.append(String.format(java.util.Locale.ROOT, "\\u%04X", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return value.codePointCount(0, value.length()) > 80 ? out + "…" : out.toString();
    }

    private enum Shape {
        IDENTIFIER("printable text without leading or trailing spaces", null),
        NAME_ID("letters, digits, '.', '_' and '-', starting with a letter or digit",
                Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._-]*")),
        UUID("a UUID like 3f2b8c9e-1d2a-3b4c-8d5e-6f7a8b9c0d1e",
                Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")),
        CODE("a code of letters and digits (with '.' or '-' inside)",
                Pattern.compile("[0-9A-Za-z]([0-9A-Za-z.-]*[0-9A-Za-z])?")),
        CURRENCY("an ISO 4217 currency code", Pattern.compile("[A-Z]{3}")),
        TEXT("text without control characters other than tab and line breaks", null);

        private final String words;
        private final Pattern pattern;

        Shape(String words, Pattern pattern) {
            this.words = words;
            this.pattern = pattern;
        }

        boolean accepts(String value) {
            if (pattern != null) {
                return pattern.matcher(value).matches();
            }
            boolean text = this == TEXT;
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                boolean allowedControl = text && (c == '\t' || c == '\n' || c == '\r');
                if ((Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
                        || Character.getType(c) == Character.UNASSIGNED) && !allowedControl) {
                    return false;
                }
                if (Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < value.length()
                        && Character.isLowSurrogate(value.charAt(i + 1)))
                        && !(Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(value.charAt(i - 1)))) {
                    return false;
                }
            }
            return text || (!value.isEmpty() && !Character.isWhitespace(value.charAt(0))
                    && !Character.isWhitespace(value.charAt(value.length() - 1)));
        }
    }
}
