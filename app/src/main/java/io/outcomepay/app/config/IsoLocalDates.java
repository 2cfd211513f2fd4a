package io.outcomepay.app.config;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.ext.javatime.deser.LocalDateDeserializer;
import tools.jackson.databind.module.SimpleModule;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Reads a LocalDate written as yyyy-MM-dd (as every OutcomePay event writes its dates) from the
 * parser's characters, without a DateTimeFormatter: a replay reads millions of them. Any other
 * form, and a date that does not exist, goes to Jackson's own deserializer (same values, same errors).
 */
final class IsoLocalDates extends StdScalarDeserializer<LocalDate> {

    private IsoLocalDates() {
        super(LocalDate.class);
    }

    static SimpleModule module() {
        return new SimpleModule("outcomepay-iso-local-dates").addDeserializer(LocalDate.class, new IsoLocalDates());
    }

    @Override
    public LocalDate deserialize(JsonParser p, DeserializationContext context) {
        if (p.currentToken() == JsonToken.VALUE_STRING && p.getStringLength() == 10) {
            char[] c = p.getStringCharacters();
            int o = p.getStringOffset();
            if (c[o + 4] == '-' && c[o + 7] == '-') {
                int year = digits(c, o, 4);
                int month = digits(c, o + 5, 2);
                int day = digits(c, o + 8, 2);
                if (year >= 0 && month >= 0 && day >= 0) {
                    try {
                        return LocalDate.of(year, month, day);
                    } catch (DateTimeException notADay) {
                        // Jackson's deserializer says why
                    }
                }
            }
        }
        return LocalDateDeserializer.INSTANCE.deserialize(p, context);
    }

    /** The number the ASCII digits make, or -1 when one is not a digit. */
    private static int digits(char[] c, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            int d = c[i] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            value = value * 10 + d;
        }
        return value;
    }
}
