package io.outcomepay.app.settling;

import io.outcomepay.app.baseline.BaselineFiles;
import io.outcomepay.app.contract.ContractYaml;
import io.outcomepay.app.support.UseCases;
import io.outcomepay.claims.usage.UsageEvent;
import io.outcomepay.app.support.ClaimsFile;
import io.outcomepay.app.support.IntegrationTest;
import io.outcomepay.analytics.catchup.ReadModelCatchUp;
import io.outcomepay.billing.contract.api.ContractDefinition;
import io.outcomepay.billing.period.application.SettlingPeriod;
import io.outcomepay.billing.period.application.SettlingPeriod.Pricing;
import io.outcomepay.analytics.settlements.SettlementReadModels;
import io.outcomepay.billing.settlement.PricedPeriod;
import io.outcomepay.billing.settlement.SettlementEngine;
import io.outcomepay.billing.settlement.SettlementRequest;
import io.outcomepay.billing.settlement.SettlementResult;
import tools.jackson.databind.json.JsonMapper;
import io.outcomepay.claims.intake.IngestingClaims;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Encounter facts and the set-based settlement that sums them: the same result, fingerprint
 * included, as the engine pricing every line in memory, through corrections, voids, usage events,
 * contract amendments and new baseline table versions.
 */
class SetBasedSettlementTest extends IntegrationTest {

    private static final YearMonth JANUARY = YearMonth.of(2026, 1);

    @Autowired
    UseCases operations;
    @Autowired
    SettlingPeriod settling;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ReadModelCatchUp catchUp;
    @Autowired
    JsonMapper readModelJson;
    @TempDir
    Path dir;

    private static ContractDefinition contract(String id, String effectiveFrom, String baseRate, String terms) {
        return contract(id, "SB-H1, SB-H2", effectiveFrom, baseRate, terms);
    }

    private static ContractDefinition contract(String id, String hospitals, String effectiveFrom, String baseRate,
                                               String terms) {
        return ContractYaml.read(new ByteArrayInputStream("""
                id: %s
                currency: USD
                insurer: INS-1
                vendor: VENDOR-1
                hospitals: [%s]
                baseline: { table: sb-drg, base_rate: "%s" }
                effective_from: %s
                terms:
                %s
                  sharing: first_dollar
                  cap_rate: "0.10"
                  shares: { insurer: "0.50", hospital: "0.30", vendor: "0.20" }
                """.formatted(id, hospitals, baseRate, effectiveFrom, terms.indent(2).stripTrailing())
                .getBytes(StandardCharsets.UTF_8)), id + ".yaml");
    }

    private void publishTable(String version193, LocalDate effectiveFrom) throws Exception {
        Path file = Files.writeString(dir.resolve("sb-drg-" + version193 + ".csv"),
                "group_code,weight\n193," + version193 + "\n470,2.0000\n871,1.5000\n");
        operations.publishBaseline(BaselineFiles.read(file, "drg", "sb-drg", effectiveFrom));
    }

    private SettlementResult settledBothWays(String contractId) {
        SettlementResult setBased = settling.calculate(contractId, JANUARY, null, Pricing.SET_BASED);
        SettlementResult inMemory = settling.calculate(contractId, JANUARY, null, Pricing.IN_MEMORY);
        assertThat(setBased).isEqualTo(inMemory);
        return setBased;
    }

    /** The month priced both ways (SB-Y's banded msr needs 5,000 patients to settle; its pricing compares). */
    private PricedPeriod pricedBothWays(String contractId) {
        catchUp.await();
        SettlementRequest request = settling.request(contractId, JANUARY, null);
        PricedPeriod setBased = new SettlementReadModels(jdbc, readModelJson).priced(request);
        assertThat(setBased).isEqualTo(SettlementEngine.price(request));
        return setBased;
    }

    private Map<String, Object> fact(String contractId, String claimId) {
        catchUp.await();
        return jdbc.queryForMap("""
                select status, state, contract_version, baseline_version, weight, baseline, actual, adjustment, ai_assisted,
                       correction_count from encounter_fact f
                where contract_id = ? and (claim_id = ? or claim_id like ? || 'R')""", contractId, claimId, claimId);
    }

    @Test
    void factsPriceEveryEncounterAndTheSetBasedSettlementEqualsTheEngineAsTheDataChanges() throws Exception {
        publishTable("1.0000", LocalDate.of(2025, 1, 1));
        // exclude: outliers left out, AI-assisted only; cap: every encounter, outliers capped, banded msr
        operations.createContract(contract("SB-X", "2025-12-01", "5000.00", """
                  eligible: ai_assisted
                  minimum_savings_rate: "0.02"
                  outliers: { low: "0.40", high: "3.00" }"""));
        // the other terms price the same claims at two hospitals of their own (SB-H3, SB-H4 mirror SB-H1,
        // SB-H2): one insurer has one contract per hospital and month
        operations.createContract(contract("SB-Y", "SB-H3, SB-H4", "2025-12-01", "5000.00", """
                  eligible: all
                  minimum_savings_rate: table
                  outliers: { rule: cap, low: "0.40", high: "1.50" }"""));
        IngestingClaims.Listener quiet = IngestingClaims.Listener.silent();
        operations.ingestCsv(ClaimsFile.claims()
                .row("X1", "SB-H1", "193", "4500.00")
                .row("X2", "SB-H1", "470", "9000.00")
                .row("X3", "SB-H1", "193", "1000.00")
                .row("X4", "SB-H2", "871", "7000.00", "patient_id=MRN-SHARED")
                .row("X5", "SB-H2", "193", "4000.00", "ai_assisted=false", "ai_service=")
                .row("X6", "SB-H2", "193", "5000.00", "currency=EUR")
                .row("X7", "SB-H2", "470", "9500.00")
                .row("X8", "SB-H1", "193", "4800.00", "patient_id=MRN-SHARED")
                .row("X9", "SB-H2", "871", "12000.00", "ai_assisted=false", "ai_service=")
                .row("X10", "SB-H1", "193", "4000.00", "admit_date=2026-02-01", "discharge_date=2026-02-03")
                .mirrored(java.util.Map.of("SB-H1", "SB-H3", "SB-H2", "SB-H4"))
                .writeTo(dir, "sb-1.csv"), quiet);

        SettlementResult x = settledBothWays("SB-X");
        PricedPeriod y = pricedBothWays("SB-Y");

        // SB-X includes X1, X2, X4, X7, X8: baselines 5000 + 10000 + 7500 + 10000 + 5000
        assertThat(x.total().baselineTotal()).isEqualByComparingTo("37500.00");
        assertThat(x.total().actualTotal()).isEqualByComparingTo("34800.00");
        assertThat(x.notEligible()).isEqualTo(2);
        assertThat(x.exclusions()).extracting(SettlementResult.Exclusion::claimId, SettlementResult.Exclusion::reason)
                .containsExactlyInAnyOrder(tuple("X3", SettlementResult.ExclusionReason.LOW_OUTLIER),
                        tuple("X6", SettlementResult.ExclusionReason.CURRENCY_MISMATCH));
        // SB-Y takes X5 and X9 too, caps X3 at 0.40 x 5000 = 2000.00 and X9 at 1.50 x 7500 = 11250.00
        assertThat(y.hospitals()).extracting(PricedPeriod.HospitalTotals::included).containsExactly(4, 4);
        assertThat(y.hospitals().stream().map(PricedPeriod.HospitalTotals::baseline)
                .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add)).isEqualByComparingTo("55000.00");
        assertThat(y.hospitals().stream().map(PricedPeriod.HospitalTotals::actual)
                .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add)).isEqualByComparingTo("52050.00");
        // eight included encounters, X4 and X8 of one patient
        assertThat(y.patients()).isEqualTo(7);
        assertThat(fact("SB-Y", "X3")).containsEntry("status", "included").containsEntry("state", 0)
                .containsEntry("adjustment", "capped_low");
        assertThat((java.math.BigDecimal) fact("SB-Y", "X3").get("actual")).isEqualByComparingTo("2000.00");
        assertThat((java.math.BigDecimal) fact("SB-Y", "X9").get("actual")).isEqualByComparingTo("11250.00");
        assertThat(fact("SB-X", "X9")).containsEntry("status", "not_eligible");
        assertThat(fact("SB-X", "X3")).containsEntry("status", "low_outlier");

        // a correction, a void and a usage event naming X9
        operations.ingestCsv(ClaimsFile.claims()
                .row("X8R", "SB-H1", "193", "4600.00", "claim_frequency=replacement", "original_claim_id=X8")
                .row("X7V", "SB-H2", "470", "9500.00", "claim_frequency=void", "original_claim_id=X7")
                .writeTo(dir, "sb-2.csv"), quiet);
        UsageEvent usage = new UsageEvent("EV-SB-X9", "VENDOR-1", "sepsis-watch", "1", "SB-H2", "X9", null,
                "2026-01-12T08:00:00Z", "inference");
        operations.recordAiUsage(usage, usage.details(), "test", 1);

        x = settledBothWays("SB-X");
        pricedBothWays("SB-Y");
        // X7 voided; X8 now 4600.00; X9 eligible at 12000 / 7500 = 1.6, inside [0.40, 3.00]
        assertThat(x.total().baselineTotal()).isEqualByComparingTo("35000.00");
        assertThat(x.total().actualTotal()).isEqualByComparingTo("37100.00");
        assertThat(fact("SB-X", "X7")).containsEntry("status", "voided");
        assertThat(fact("SB-X", "X8")).containsEntry("correction_count", 1);
        assertThat(fact("SB-X", "X9")).containsEntry("status", "included").containsEntry("ai_assisted", true);

        // a new version of the contract (base rate 6000) and of the table (193 weighs 1.2): facts follow both
        operations.amendContract(contract("SB-X", "2026-01-01", "6000.00", """
                  eligible: ai_assisted
                  minimum_savings_rate: "0.02"
                  outliers: { low: "0.40", high: "3.00" }"""));
        publishTable("1.2000", LocalDate.of(2026, 1, 1));

        x = settledBothWays("SB-X");
        pricedBothWays("SB-Y");
        assertThat(x.contractVersion()).isEqualTo(2);
        assertThat(x.baselineTableVersion()).isEqualTo(2);
        // X1, X8: 1.2 x 6000 = 7200.00; X2: 2 x 6000 = 12000.00; X4, X9: 1.5 x 6000 = 9000.00
        assertThat(x.total().baselineTotal()).isEqualByComparingTo("44400.00");
        assertThat(fact("SB-X", "X1")).containsEntry("contract_version", 2).containsEntry("baseline_version", 2);
        // SB-H1 in January: 193 for X1, X3 (low outlier) and X8; 470 for X2
        assertThat(jdbc.queryForList("""
                        select group_code, encounters, included, excluded, baseline_total::text as baseline_total
                        from encounter_group_totals
                        where contract_id = 'SB-X' and hospital_id = 'SB-H1' and period = '2026-01' order by group_code"""))
                .extracting(r -> r.get("group_code"), r -> r.get("encounters"), r -> r.get("included"),
                        r -> r.get("excluded"), r -> r.get("baseline_total"))
                .containsExactly(tuple("193", 3L, 2L, 1L, "14400.00"), tuple("470", 1L, 1L, 0L, "12000.00"));
    }

    @Test
    void aContractCreatedAfterItsClaimsPricesThemAll() throws Exception {
        operations.ingestCsv(ClaimsFile.claims()
                .row("LT1", "SB-L1", "193", "4500.00")
                .row("LT2", "SB-L1", "470", "9000.00")
                .row("LT3", "SB-L1", "871", "7000.00", "ai_assisted=false", "ai_service=")
                .writeTo(dir, "sb-late.csv"), IngestingClaims.Listener.silent());
        operations.createContract(ContractYaml.read(new ByteArrayInputStream(
                io.outcomepay.app.support.Contracts.yaml("SB-LATE", "SB-L1", "2026-01-01", "6500.00")
                        .getBytes(StandardCharsets.UTF_8)), "late.yaml"));

        SettlementResult late = settledBothWays("SB-LATE");

        // DRG 193 at 1.3144 and 470 at the shipped table's weight, both AI-assisted; LT3 not eligible
        assertThat(late.inPeriod()).isEqualTo(3);
        assertThat(late.notEligible()).isEqualTo(1);
        assertThat(late.total().encounters()).isEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from encounter_fact where contract_id = 'SB-LATE'",
                Integer.class)).isEqualTo(3);
    }
}
