package io.outcomepay.app.totals;

import io.outcomepay.billing.settlement.totals.TotalsResult;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The 548 ACOs of the CMS MSSP 2018 public-use file, mapped to settle-totals input and settled:
 * every generated and earned amount must match the published one within max($5, 0.02%).
 */
class MsspPublicUseFileTest {

    static final Path PUF = Path.of("../../shared/data/mssp/2018_Shared_Savings_Program_ACO_PUF.csv");
    private static final BigDecimal FIVE_DOLLARS = new BigDecimal("5");
    private static final BigDecimal RELATIVE = new BigDecimal("0.0002");

    /** Maps one PUF row to the settle-totals input: the preset by track, the msr CMS applied where no table applies. */
    static List<String> inputRow(CSVRecord aco) {
        String preset = "1".equals(aco.get("Current_Track_1")) ? "mssp-track-1"
                : "1".equals(aco.get("Current_Track_1_Plus")) ? "mssp-track-1-plus"
                : "1".equals(aco.get("Current_Track_2")) ? "mssp-track-2" : "mssp-track-3";
        int assigned = Integer.parseInt(aco.get("N_AB"));
        // Track 1 uses the banded table from 5,000 assigned; below that, and for the two-sided tracks'
        // chosen symmetric rates, the published rate is given explicitly.
        String msr = preset.equals("mssp-track-1") && assigned >= 5_000 ? "" : aco.get("MinSavPerc");
        String lossCap = "";
        if (preset.equals("mssp-track-2")) {
            int agreementYear = 2018 - Integer.parseInt(aco.get("Current_Start_Date").substring(6, 10)) + 1;
            lossCap = agreementYear == 1 ? "0.05" : agreementYear == 2 ? "0.075" : "0.10";
        }
        String quality = "1".equals(aco.get("Met_QPS")) ? aco.get("QualScore") : "";
        return List.of(aco.get("ACO_ID"), preset, Integer.toString(assigned), aco.get("ABtotBnchmk"),
                aco.get("ABtotExp"), quality, msr, "", lossCap, aco.get("DisAdj"), "");
    }

    static List<CSVRecord> pufRows() throws IOException {
        try (Reader reader = Files.newBufferedReader(PUF, StandardCharsets.ISO_8859_1)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        }
    }

    @Test
    void everyOneOfThe548AcosMatchesThePublishedGeneratedAndEarnedAmounts() throws IOException {
        List<CSVRecord> acos = pufRows();
        StringWriter input = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(input, CSVFormat.RFC4180.builder().setRecordSeparator("\n")
                .setHeader("participant_id", "preset", "assigned", "benchmark_total", "expenditure_total",
                        "quality_score", "msr", "mlr", "loss_cap", "disaster_adjustment", "withhold").get())) {
            for (CSVRecord aco : acos) {
                printer.printRecord(inputRow(aco));
            }
        }

        SettlingTotals.Outcome outcome = SettlingTotals.settle(new StringReader(input.toString()), new StringWriter(),
                "puf-2018.csv");

        assertThat(outcome.errors()).isEmpty();
        assertThat(outcome.results()).hasSize(548);
        List<String> mismatches = new ArrayList<>();
        for (int i = 0; i < acos.size(); i++) {
            CSVRecord aco = acos.get(i);
            TotalsResult r = outcome.results().get(i);
            assertThat(r.participantId()).isEqualTo(aco.get("ACO_ID"));
            if (!close(r.generated(), new BigDecimal(aco.get("GenSaveLoss")))
                    || !close(r.earned(), new BigDecimal(aco.get("EarnSaveLoss")))) {
                mismatches.add(aco.get("ACO_ID") + ": generated " + r.generated() + " vs " + aco.get("GenSaveLoss")
                        + ", earned " + r.earned() + " vs " + aco.get("EarnSaveLoss"));
            }
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void theTrack1MinimumSavingsRateComesFromTheBandedTable() throws IOException {
        List<String> mismatches = new ArrayList<>();
        for (CSVRecord aco : pufRows()) {
            int assigned = Integer.parseInt(aco.get("N_AB"));
            if ("1".equals(aco.get("Current_Track_1")) && assigned >= 5_000) {
                BigDecimal table = io.outcomepay.billing.settlement.totals.SharedSavingsPresets.MSSP_MSR_TABLE.rateFor(assigned);
                if (table.subtract(new BigDecimal(aco.get("MinSavPerc"))).abs().compareTo(new BigDecimal("0.000000001")) > 0) {
                    mismatches.add(aco.get("ACO_ID") + " " + assigned + ": " + table + " vs " + aco.get("MinSavPerc"));
                }
            }
        }
        assertThat(mismatches).isEmpty();
    }

    private static boolean close(BigDecimal ours, BigDecimal published) {
        BigDecimal tolerance = FIVE_DOLLARS.max(published.abs().multiply(RELATIVE));
        return ours.subtract(published).abs().compareTo(tolerance) <= 0;
    }
}
