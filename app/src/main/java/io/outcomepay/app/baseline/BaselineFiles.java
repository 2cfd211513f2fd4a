package io.outcomepay.app.baseline;

import io.outcomepay.billing.limits.Decimals;
import io.outcomepay.billing.limits.InvalidValue;
import io.outcomepay.billing.limits.Limit;
import io.outcomepay.billing.limits.Limits;
import io.outcomepay.billing.baseline.api.BaselineCommands.PublishBaselineTable;
import io.outcomepay.billing.baseline.api.BaselineEntry;
import io.outcomepay.billing.baseline.api.BaselineKind;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a baseline table file to publish. DIP: {@code group_code, score, mean_cost} (and an
 * optional {@code group_name}); DRG: {@code group_code, weight} (optional {@code title}). UTF-8,
 * or GB18030 when the file is not valid UTF-8. Every bad record is reported with its line.
 */
public final class BaselineFiles {

    private static final Charset GB18030 = Charset.forName("GB18030");

    private BaselineFiles() {
    }

    public static PublishBaselineTable read(Path file, String kind, String name, LocalDate effectiveFrom) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        String text = decode(bytes);
        boolean dip = switch (kind) {
            case "dip" -> true;
            case "drg" -> false;
            default -> throw new IllegalArgumentException("--kind must be dip or drg, was '" + kind + "'");
        };
        String source = file.getFileName().toString();
        List<BaselineEntry> entries = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text.startsWith("\uFEFF") ? text.substring(1) : text))) {
            List<String> required = dip ? List.of("group_code", "score", "mean_cost") : List.of("group_code", "weight");
            for (String column : required) {
                if (!parser.getHeaderNames().contains(column)) {
                    throw new IllegalArgumentException(source + ": column " + column + " missing from the header");
                }
            }
            long line = parser.getCurrentLineNumber();
            for (CSVRecord r : parser) {
                long start = line + 1;
                line = parser.getCurrentLineNumber();
                try {
                    String code = (dip ? Limit.DIP_GROUP : Limit.DRG).require("group_code", value(r, "group_code"));
                    String title = Limit.TITLE.check(dip ? "group_name" : "title",
                            dip ? optional(r, "group_name") : optional(r, "title"));
                    entries.add(dip
                            ? new BaselineEntry(code, decimal(r, "score", Decimals.WEIGHT), title,
                            decimal(r, "mean_cost", Decimals.AMOUNT))
                            : new BaselineEntry(code, decimal(r, "weight", Decimals.WEIGHT), title));
                } catch (IllegalArgumentException e) {
                    errors.add(source + " line " + start + ": " + e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", errors));
        }
        PublishBaselineTable table = new PublishBaselineTable(name,
                dip ? BaselineKind.DIP_SCORE : BaselineKind.DRG_RELATIVE_WEIGHT, effectiveFrom, source, entries);
        try {
            Limits.baselineTable(table);
        } catch (InvalidValue invalid) {
            throw new IllegalArgumentException(source + ": " + invalid.getMessage(), invalid);
        }
        return table;
    }

    /** UTF-8 when the bytes are valid UTF-8, otherwise GB18030 (Chinese public tables often are). */
    static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, GB18030);
        }
    }

    private static String value(CSVRecord r, String column) {
        return r.isMapped(column) && r.isSet(column) ? r.get(column).strip() : "";
    }

    private static String optional(CSVRecord r, String column) {
        String v = value(r, column);
        return v.isEmpty() ? "" : v;
    }

    private static BigDecimal decimal(CSVRecord r, String column, Decimals limit) {
        String v = value(r, column);
        BigDecimal d = limit.parse(column, v);
        if (d.signum() < 0) {
            throw new InvalidValue(column, "is negative: " + v);
        }
        return d;
    }
}
