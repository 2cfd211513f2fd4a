package io.outcomepay.app.totals;

import io.outcomepay.billing.settlement.totals.MinimumRate;
import io.outcomepay.billing.settlement.totals.PerCapitaBenchmark;
import io.outcomepay.billing.settlement.totals.SharedSavingsEngine;
import io.outcomepay.billing.settlement.totals.SharedSavingsPresets;
import io.outcomepay.billing.settlement.totals.SharedSavingsTerms;
import io.outcomepay.billing.settlement.totals.TotalsInput;
import io.outcomepay.billing.settlement.totals.TotalsResult;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * Settles contract-level totals from a CSV, without a database: the auditor's check. One output
 * row per good input row, in input order; a bad row is reported with its line and the others
 * still settle.
 */
public final class SettlingTotals {

    public static final List<String> OUTPUT = List.of("participant_id", "savings", "savings_rate", "msr", "generated",
            "final_share_rate", "earned", "fingerprint");
    private static final List<String> REQUIRED = List.of("participant_id", "preset", "assigned", "expenditure_total",
            "quality_score");

    private SettlingTotals() {
    }

    /** A row that could not be settled. */
    public record RowError(long line, String participantId, String message) {
        @Override
        public String toString() {
            return "line " + line + (participantId == null || participantId.isBlank() ? "" : " (" + participantId + ")")
                    + ": " + message;
        }
    }

    public record Outcome(List<TotalsResult> results, List<RowError> errors) {
    }

    public static Outcome settle(Reader in, Writer out, String sourceName) {
        List<TotalsResult> results = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in);
             CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setRecordSeparator("\n")
                     .setHeader(OUTPUT.toArray(String[]::new)).get())) {
            for (String column : REQUIRED) {
                if (!parser.getHeaderNames().contains(column)) {
                    throw new IllegalArgumentException(sourceName + ": column " + column + " missing from the header");
                }
            }
            long line = parser.getCurrentLineNumber();
            for (CSVRecord record : parser) {
                long start = line + 1;
                line = parser.getCurrentLineNumber();
                try {
                    TotalsResult r = settle(record);
                    results.add(r);
                    printer.printRecord(r.participantId(), r.savings().toPlainString(), r.savingsRate().toPlainString(),
                            r.minimumSavingsRate().toPlainString(), r.generated().toPlainString(),
                            r.finalShareRate().toPlainString(), r.earned().toPlainString(), r.fingerprint());
                } catch (IllegalArgumentException e) {
                    errors.add(new RowError(start, value(record, "participant_id"), e.getMessage()));
                }
            }
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(sourceName + ": " + e.getMessage(), e);
        }
        return new Outcome(results, errors);
    }

    static TotalsResult settle(CSVRecord record) {
        String participant = required(record, "participant_id");
        String presetName = required(record, "preset");
        SharedSavingsPresets.Preset preset = SharedSavingsPresets.named(presetName).orElseThrow(() ->
                new IllegalArgumentException("preset: unknown '" + presetName + "' (known: "
                        + SharedSavingsPresets.all().stream().map(SharedSavingsPresets.Preset::name).toList() + ")"));
        SharedSavingsTerms terms = preset.terms();
        BigDecimal msr = decimal(record, "msr");
        BigDecimal mlr = decimal(record, "mlr");
        if (msr != null) {
            terms = terms.withMinimumSavingsRate(new MinimumRate.Fixed(msr));
        }
        if (mlr != null || msr != null) {
            terms = terms.withMinimumLossRate(new MinimumRate.Fixed(mlr != null ? mlr : msr));
        }
        BigDecimal lossCap = decimal(record, "loss_cap");
        if (lossCap != null) {
            terms = terms.withLossCapRate(lossCap);
        }
        BigDecimal lossCapRevenue = decimal(record, "loss_cap_revenue");
        if (lossCapRevenue != null) {
            terms = terms.withLossCapRevenueRate(lossCapRevenue);
        }
        BigDecimal withhold = decimal(record, "withhold");
        if (withhold != null) {
            terms = terms.withWithhold(withhold);
        }
        Currency currency = currency(record);
        TotalsInput input = new TotalsInput(participant, currency, integer(record, "assigned"),
                benchmark(record, currency), requiredDecimal(record, "expenditure_total"),
                decimal(record, "quality_score"), decimal(record, "disaster_adjustment"), decimal(record, "revenue"));
        return SharedSavingsEngine.settle(input, preset.name(), terms);
    }

    /** benchmark_total, or per_capita_benchmark x person_years when benchmark_total is blank. */
    private static BigDecimal benchmark(CSVRecord record, Currency currency) {
        BigDecimal total = decimal(record, "benchmark_total");
        if (total != null) {
            return total;
        }
        BigDecimal perCapita = decimal(record, "per_capita_benchmark");
        BigDecimal personYears = decimal(record, "person_years");
        if (perCapita == null && personYears == null) {
            throw new IllegalArgumentException("benchmark_total: is empty (or give per_capita_benchmark and person_years)");
        }
        return PerCapitaBenchmark.total(perCapita, personYears, currency);
    }

    private static Currency currency(CSVRecord record) {
        String code = value(record, "currency");
        if (code == null || code.isBlank()) {
            return Currency.getInstance("USD");
        }
        try {
            return Currency.getInstance(code.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("currency: '" + code + "' is not an ISO 4217 code");
        }
    }

    private static String value(CSVRecord record, String column) {
        return record.isMapped(column) && record.isSet(column) ? record.get(column) : null;
    }

    private static String required(CSVRecord record, String column) {
        String v = value(record, column);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException(column + ": is empty");
        }
        return v.strip();
    }

    private static BigDecimal decimal(CSVRecord record, String column) {
        String v = value(record, column);
        if (v == null || v.isBlank()) {
            return null;
        }
        return io.outcomepay.billing.limits.Decimals.TERM.parse(column, v);
    }

    private static BigDecimal requiredDecimal(CSVRecord record, String column) {
        BigDecimal v = decimal(record, column);
        if (v == null) {
            throw new IllegalArgumentException(column + ": is empty");
        }
        return v;
    }

    private static int integer(CSVRecord record, String column) {
        String v = required(record, column);
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(column + ": '" + v + "' is not a whole number");
        }
    }
}
