package io.outcomepay.reports.settlement;

import io.outcomepay.billing.settlement.SettlementResult;
import io.outcomepay.billing.settlement.SettlementResult.Exclusion;
import io.outcomepay.billing.settlement.SettlementResult.Row;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A settlement as CSV: one row per contract hospital, then the TOTAL row. UTF-8, '\n' line ends,
 * plain decimals: the same settlement always gives the same bytes.
 */
public final class SettlementCsv {

    public static final List<String> HEADER = List.of("contract_id", "period", "hospital_id", "encounters", "excluded",
            "baseline_total", "actual_total", "savings", "savings_rate", "pool", "insurer", "hospital", "vendor",
            "fingerprint");
    public static final List<String> EXCLUSIONS_HEADER = List.of("contract_id", "period", "encounter_id", "claim_id",
            "hospital_id", "drg", "reason", "detail");

    private SettlementCsv() {
    }

    public static void write(SettlementResult result, Writer out) {
        print(out, HEADER, printer -> {
            List<Row> rows = new ArrayList<>(result.hospitals());
            rows.add(result.total());
            for (Row r : rows) {
                printer.printRecord(result.contractId(), result.period(), r.hospitalId(), r.encounters(), r.excluded(),
                        plain(r.baselineTotal()), plain(r.actualTotal()), plain(r.savings()), plain(r.savingsRate()),
                        plain(r.pool()), plain(r.insurer()), plain(r.hospital()), plain(r.vendor()), result.fingerprint());
            }
        });
    }

    public static void writeExclusions(SettlementResult result, Writer out) {
        print(out, EXCLUSIONS_HEADER, printer -> {
            for (Exclusion e : result.exclusions()) {
                printer.printRecord(result.contractId(), result.period(), e.encounterId(), e.claimId(), e.hospitalId(),
                        e.drg(), e.reason(), e.detail());
            }
        });
    }

    private static String plain(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }

    private static void print(Writer out, List<String> header, Body body) {
        CSVFormat format = CSVFormat.RFC4180.builder().setRecordSeparator("\n").setHeader(header.toArray(String[]::new)).get();
        try {
            CSVPrinter printer = new CSVPrinter(out, format);
            body.print(printer);
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private interface Body {
        void print(CSVPrinter printer) throws IOException;
    }
}
