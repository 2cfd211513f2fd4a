package io.outcomepay.app.config;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/** A month as the CLI and the REST API take it: YYYY-MM. */
public final class Months {

    private Months() {
    }

    /**
     * @param label how the error names the input: an option ("--period") or a field ("from:")
     * @return the month, or null for null text (an optional parameter left out)
     */
    public static YearMonth parse(String label, String text) {
        if (text == null) {
            return null;
        }
        try {
            return YearMonth.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(label + " '" + text + "' is not a month YYYY-MM");
        }
    }
}
