package io.outcomepay.app.demo;

import io.outcomepay.billing.invoice.Reconciliation;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The demo's second month: a late correction to a closed month's claim, and a payment file with one short payment. */
public final class DemoMonthlyClose {

    /** The short payment: this much less than the invoice it pays. */
    public static final BigDecimal SHORT_BY = new BigDecimal("100.00");

    private DemoMonthlyClose() {
    }

    /**
     * A replacement, at 85% of the allowed amount, of the first original AI-assisted claim of the
     * hospital in the month's file that the file neither replaces nor voids and whose actual/baseline
     * lies in [0.60, 1.50] (so it stays included). Chosen from the file alone: the same file gives the
     * same correction.
     */
    public static Path lateCorrection(Path claims, String hospital, Map<String, BigDecimal> weights, BigDecimal baseRate,
                                      Path file) {
        try (Reader in = Files.newBufferedReader(claims, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            List<CSVRecord> rows = parser.getRecords();
            Set<String> touched = new HashSet<>();
            for (CSVRecord row : rows) {
                if (!row.get("original_claim_id").isBlank()) {
                    touched.add(row.get("original_claim_id"));
                }
            }
            for (CSVRecord row : rows) {
                if (!row.get("hospital_id").equals(hospital) || !row.get("claim_frequency").equals("original")
                        || !row.get("ai_assisted").equals("true") || touched.contains(row.get("claim_id"))
                        || !row.get("currency").equals("USD")) {
                    continue;
                }
                BigDecimal weight = weights.get(row.get("drg"));
                BigDecimal allowed;
                try {
                    allowed = new BigDecimal(row.get("allowed_amount"));
                } catch (NumberFormatException e) {
                    continue;
                }
                if (weight == null || weight.signum() <= 0) {
                    continue;
                }
                BigDecimal baseline = weight.multiply(baseRate).setScale(2, RoundingMode.HALF_UP);
                BigDecimal ratio = allowed.divide(baseline, 4, RoundingMode.HALF_UP);
                if (ratio.compareTo(new BigDecimal("0.60")) < 0 || ratio.compareTo(new BigDecimal("1.50")) > 0) {
                    continue;
                }
                List<String> replacement = new ArrayList<>(row.toList());
                int allowedAt = parser.getHeaderMap().get("allowed_amount");
                replacement.set(allowedAt, allowed.multiply(new BigDecimal("0.85")).setScale(2, RoundingMode.HALF_UP).toPlainString());
                replacement.set(parser.getHeaderMap().get("claim_frequency"), "replacement");
                replacement.set(parser.getHeaderMap().get("original_claim_id"), row.get("claim_id"));
                replacement.set(parser.getHeaderMap().get("claim_id"), row.get("claim_id") + "-LATE");
                Files.createDirectories(file.toAbsolutePath().getParent());
                try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                     CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setRecordSeparator("\n")
                             .setHeader(parser.getHeaderNames().toArray(String[]::new)).get())) {
                    csv.printRecord(replacement);
                }
                return file;
            }
            throw new IllegalStateException("no claim of " + hospital + " in " + claims + " to correct");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** A payment of every invoice in full, on the given day, but the first of the given issuer: that one is short by SHORT_BY. */
    public static Path payments(List<Reconciliation.Document> documents, String shortIssuer, LocalDate paidOn, Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                 CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setRecordSeparator("\n")
                         .setHeader("reference", "payer", "payee", "amount", "currency", "paid_on").get())) {
                boolean shortPaid = false;
                for (Reconciliation.Document d : documents) {
                    if (d.kind() != io.outcomepay.billing.period.api.InvoiceDraft.DocumentKind.INVOICE) {
                        continue;
                    }
                    BigDecimal amount = d.amount();
                    if (!shortPaid && d.issuer().equals(shortIssuer) && amount.compareTo(SHORT_BY) > 0) {
                        amount = amount.subtract(SHORT_BY);
                        shortPaid = true;
                    }
                    csv.printRecord(d.number(), d.billedTo(), d.issuer(), amount.toPlainString(), d.currency(), paidOn);
                }
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
