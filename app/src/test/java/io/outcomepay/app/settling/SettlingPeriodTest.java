package io.outcomepay.app.settling;

import io.outcomepay.app.support.UseCases;
import io.outcomepay.app.support.ClaimsFile;
import io.outcomepay.app.support.Contracts;
import io.outcomepay.app.support.IntegrationTest;
import io.outcomepay.billing.VersionOutcome;
import io.outcomepay.billing.period.application.SettlingPeriod;
import io.outcomepay.billing.settlement.SettlementResult;
import io.outcomepay.billing.settlement.SettlementResult.Row;
import io.outcomepay.claims.intake.IngestReport;
import io.outcomepay.claims.intake.IngestingClaims;
import io.outcomepay.reports.settlement.SettlementCsv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.StringWriter;
import java.nio.file.Path;
import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SettlingPeriodTest extends IntegrationTest {

    private static final YearMonth JANUARY = YearMonth.of(2026, 1);
    private static final IngestingClaims.Listener QUIET = IngestingClaims.Listener.silent();

    @Autowired
    UseCases operations;
    @TempDir
    Path dir;

    /** The hand-computed file of the engine's golden test, as a claims CSV. */
    private Path goldenFile(String p) {
        return ClaimsFile.claims()
                .row("G01", p + "H001", "193", "8000.00")
                .row("G02", p + "H001", "470", "11000.00")
                .row("G03", p + "H001", "871", "3000.00")
                .row("G04", p + "H002", "871", "12000.00")
                .row("G05", p + "H002", "193", "9000.00")
                .row("G06", p + "H002", "999", "5000.00")
                .row("G07", p + "H001", "193", "100.00", "ai_assisted=false", "ai_service=")
                .row("G08", p + "H002", "470", "40000.00")
                .row("G09", p + "H001", "193", "8000.00", "currency=EUR")
                .row("G10", p + "H001", "193", "8000.00", "admit_date=2026-01-28", "discharge_date=2026-02-01")
                .row("G11", p + "H009", "193", "8000.00")
                .writeTo(dir, p + "golden.csv");
    }

    @Test
    void settlesTheGoldenFileThroughThePipelineToTheHandComputedFigures() {
        String p = "S1-";
        operations.createContract(Contracts.definition("S1-C", p + "H001, " + p + "H002", "2026-01-01", "6500.00"));
        assertThat(operations.ingestCsv(goldenFile(p), QUIET).recorded()).isEqualTo(11);

        SettlingPeriod.Settled settled = operations.settle("S1-C", JANUARY);

        SettlementResult r = settled.result();
        assertThat(settled.revision()).isEqualTo(1);
        assertThat(settled.newRevision()).isTrue();
        assertThat(r.contractVersion()).isEqualTo(1);
        assertThat(r.baselineTable()).isEqualTo("ms-drg-v43");
        StringWriter csv = new StringWriter();
        SettlementCsv.write(r, csv);
        String f = r.fingerprint();
        assertThat(csv.toString()).isEqualTo("""
                contract_id,period,hospital_id,encounters,excluded,baseline_total,actual_total,savings,savings_rate,pool,insurer,hospital,vendor,fingerprint
                S1-C,2026-01,S1-H001,2,2,21081.45,19000.00,2081.45,0.098734,2081.45,1040.73,624.44,416.29,%s
                S1-C,2026-01,S1-H002,2,2,21169.85,21000.00,169.85,0.008023,169.85,84.92,50.95,33.97,%s
                S1-C,2026-01,TOTAL,4,4,42251.30,40000.00,2251.30,0.053284,2251.30,1125.65,675.39,450.26,%s
                """.formatted(f, f, f));
        assertThat(r.exclusions()).extracting(SettlementResult.Exclusion::claimId)
                .containsExactlyInAnyOrder("G03", "G06", "G08", "G09");
    }

    @Test
    void aCorrectionAndAVoidChangeTheSettlementAndSettlingAgainChangesNothing() {
        String p = "S2-";
        operations.createContract(Contracts.definition("S2-C", p + "H001, " + p + "H002", "2026-01-01", "6500.00"));
        operations.ingestCsv(goldenFile(p), QUIET);
        String before = operations.settle("S2-C", JANUARY).result().fingerprint();

        IngestReport corrections = operations.ingestCsv(ClaimsFile.claims()
                .row("G05R", p + "H002", "193", "8000.00", "claim_frequency=replacement", "original_claim_id=G05")
                .row("G02V", p + "H001", "470", "11000.00", "claim_frequency=void", "original_claim_id=G02")
                .writeTo(dir, "corrections.csv"), QUIET);
        SettlingPeriod.Settled after = operations.settle("S2-C", JANUARY);
        SettlingPeriod.Settled again = operations.settle("S2-C", JANUARY);

        assertThat(corrections.corrected()).isEqualTo(1);
        assertThat(corrections.voided()).isEqualTo(1);
        Row total = after.result().total();
        // H001 keeps 8543.60 against 8000.00; H002 21169.85 against 12000.00 + 8000.00.
        assertThat(total.encounters()).isEqualTo(3);
        assertThat(total.baselineTotal()).isEqualByComparingTo("29713.45");
        assertThat(total.actualTotal()).isEqualByComparingTo("28000.00");
        assertThat(total.pool()).isEqualByComparingTo("1713.45");
        // 856.725 and 514.035 tie on the half cent: the insurer, first in order, gets it.
        assertThat(total.insurer()).isEqualByComparingTo("856.73");
        assertThat(total.hospital()).isEqualByComparingTo("514.03");
        assertThat(total.vendor()).isEqualByComparingTo("342.69");
        assertThat(after.result().fingerprint()).isNotEqualTo(before);
        assertThat(after.revision()).isEqualTo(2);
        assertThat(again.result().fingerprint()).isEqualTo(after.result().fingerprint());
        assertThat(again.revision()).isEqualTo(2);
        assertThat(again.newRevision()).isFalse();
    }

    @Test
    void anAmendmentAppliesFromItsEffectiveMonthAndEarlierMonthsKeepTheirTerms() {
        String p = "S3-";
        operations.createContract(Contracts.definition("S3-C", p + "H001", "2026-01-01", "6500.00"));
        VersionOutcome amended = operations.amendContract(Contracts.definition("S3-C", p + "H001", "2026-02-01", "7000.00"));
        operations.ingestCsv(ClaimsFile.claims()
                .row("A1", p + "H001", "193", "8000.00")
                .row("A2", p + "H001", "193", "8000.00", "admit_date=2026-02-10", "discharge_date=2026-02-12")
                .writeTo(dir, "amend.csv"), QUIET);

        SettlementResult january = operations.settle("S3-C", JANUARY).result();
        SettlementResult february = operations.settle("S3-C", YearMonth.of(2026, 2)).result();

        assertThat(amended).isEqualTo(new VersionOutcome(2, true));
        assertThat(january.contractVersion()).isEqualTo(1);
        assertThat(january.total().baselineTotal()).isEqualByComparingTo("8543.60");
        assertThat(february.contractVersion()).isEqualTo(2);
        assertThat(february.total().baselineTotal()).isEqualByComparingTo("9200.80");
    }

    @Autowired
    org.axonframework.config.EventProcessingConfiguration processing;
    @Autowired
    io.outcomepay.analytics.catchup.ReadModelCatchUp catchUp;

    @Test
    void rebuildingTheReadModelsFromTheEventStoreGivesTheSameFingerprint() {
        String p = "S5-";
        operations.createContract(Contracts.definition("S5-C", p + "H001, " + p + "H002", "2026-01-01", "6500.00"));
        operations.ingestCsv(goldenFile(p), QUIET);
        SettlingPeriod.Settled before = operations.settle("S5-C", JANUARY);

        processing.eventProcessors().values().forEach(processor -> {
            org.axonframework.eventhandling.StreamingEventProcessor streaming =
                    (org.axonframework.eventhandling.StreamingEventProcessor) processor;
            streaming.shutDown();
            streaming.resetTokens();
            streaming.start();
        });
        catchUp.await();
        SettlingPeriod.Settled after = operations.settle("S5-C", JANUARY);

        assertThat(after.result().fingerprint()).isEqualTo(before.result().fingerprint());
        assertThat(after.newRevision()).isFalse();
        assertThat(after.revision()).isEqualTo(before.revision());
    }

    @Test
    void refusesToSettleAContractThatIsNotInForce() {
        operations.createContract(Contracts.definition("S4-C", "S4-H001", "2026-03-01", "6500.00"));

        assertThatThrownBy(() -> operations.settle("S4-C", JANUARY))
                .isInstanceOf(SettlingPeriod.SettlementRefused.class)
                .hasMessage("contract S4-C is not in force on 2026-01-01");
    }
}
