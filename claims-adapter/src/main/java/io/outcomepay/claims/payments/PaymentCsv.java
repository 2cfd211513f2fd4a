package io.outcomepay.claims.payments;

import io.outcomepay.billing.limits.Decimals;
import io.outcomepay.billing.limits.InvalidValue;
import io.outcomepay.billing.limits.Limits;
import io.outcomepay.billing.payment.api.PaymentDetails;
import io.outcomepay.claims.intake.Rejection;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Set;

/**
 * A payment file: a header, then one payment per row:
 * {@code reference, payer, payee, amount, currency, paid_on}. The amount is a positive decimal with
 * at most the currency's minor digits (kept at that scale), the currency an ISO 4217 code, paid_on an
 * ISO date. A row that breaks a rule is rejected naming its line and field; the other rows are read.
 */
public final class PaymentCsv {

    public static final List<String> COLUMNS = List.of("reference", "payer", "payee", "amount", "currency", "paid_on");

    private PaymentCsv() {
    }

    /** A row read: its line in the file and the payment it states. */
    public record Row(long line, PaymentDetails payment) {
    }

    public record Read(List<Row> payments, List<Rejection> rejections) {
    }

    public static Read read(String file, Reader in) {
        List<Row> payments = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).get().parse(in)) {
            Set<String> header = parser.getHeaderMap().keySet();
            for (String column : COLUMNS) {
                if (!header.contains(column)) {
                    rejections.add(new Rejection(file, 1, column, "the header has no column " + column + " (columns: "
                            + String.join(", ", COLUMNS) + ")", String.join(",", parser.getHeaderNames())));
                    return new Read(List.of(), rejections);
                }
            }
            java.util.Iterator<CSVRecord> records = parser.iterator();
            long read = parser.getCurrentLineNumber();
            while (true) {
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException damaged) {
                    // the rows before the damage stand; the rest of the file is one rejected record
                    rejections.add(new Rejection(file, read + 1, "record", "not valid CSV from here on: "
                            + damaged.getCause().getMessage(), "(not kept: the rest of the file)"));
                    break;
                }
                long line = read + 1;
                read = record.getParser().getCurrentLineNumber();
                String raw = String.join(",", record.toList());
                try {
                    payments.add(new Row(line, row(record)));
                } catch (InvalidValue e) {
                    rejections.add(new Rejection(file, line, e.field(), e.reason(), raw));
                }
            }
        } catch (org.apache.commons.csv.CSVException | IllegalArgumentException | IllegalStateException badHeader) {
            throw new IllegalArgumentException(file + ": the header is not valid CSV: " + badHeader.getMessage(), badHeader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return new Read(payments, rejections);
    }

    private static PaymentDetails row(CSVRecord record) {
        String reference = required(record, "reference");
        String payer = required(record, "payer");
        String payee = required(record, "payee");
        if (payer.equals(payee)) {
            throw new InvalidValue("payee", "payee is the payer (" + payer + ")");
        }
        String code = required(record, "currency").strip();
        Limits.currencyDigits("currency", code);
        String text = required(record, "amount");
        BigDecimal amount = Decimals.amount("amount", text, Currency.getInstance(code));
        if (amount.signum() == 0) {
            throw new InvalidValue("amount", "a payment is positive, was " + text);
        }
        LocalDate paidOn;
        String date = required(record, "paid_on");
        try {
            paidOn = LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw new InvalidValue("paid_on", "not an ISO date (YYYY-MM-DD): '" + date + "'");
        }
        PaymentDetails payment = new PaymentDetails(reference, payer, payee, amount, code, paidOn);
        Limits.payment(payment);
        return payment;
    }

    private static String required(CSVRecord record, String field) {
        String value = record.isSet(field) ? record.get(field) : "";
        if (value == null || value.isBlank()) {
            throw new InvalidValue(field, field + " is required");
        }
        return value;
    }
}
