package io.outcomepay.app.rebuild;

import io.outcomepay.analytics.rebuild.RebuildingReadModels;
import io.outcomepay.analytics.rebuild.VerifyingReadModels;
import io.outcomepay.app.support.UseCases;
import io.outcomepay.claims.usage.UsageEvent;
import io.outcomepay.app.support.ClaimsFile;
import io.outcomepay.app.support.Contracts;
import io.outcomepay.app.support.IntegrationTest;
import io.outcomepay.claims.intake.IngestingClaims;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RebuildingReadModelsTest extends IntegrationTest {

    @Autowired
    UseCases operations;
    @Autowired
    RebuildingReadModels rebuilding;
    @Autowired
    VerifyingReadModels verifying;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    UseCases close;
    @Autowired
    io.outcomepay.analytics.catchup.ReadModelCatchUp catchUp;

    @TempDir
    Path dir;

    @Test
    void verifyCatchesACorruptedRowAndAReplayRebuildsWhatTheLiveProjectionBuilt() {
        operations.createContract(Contracts.definition("RB-C", "RB-H", "2026-01-01", "6500.00"));
        operations.ingestCsv(ClaimsFile.claims()
                .row("RB-1", "RB-H", "193", "8000.00", "payer_id=INS-2").row("RB-2", "RB-H", "871", "12000.00")
                .row("RB-3", "RB-H", "193", "9000.00")
                .row("RB-1R", "RB-H", "193", "7500.00", "claim_frequency=replacement", "original_claim_id=RB-1",
                        "payer_id=INS-2")
                .row("RB-3V", "RB-H", "193", "9000.00", "claim_frequency=void", "original_claim_id=RB-3")
                .writeTo(dir, "rebuild.csv"), IngestingClaims.Listener.silent());
        UsageEvent usage = new UsageEvent("EV-RB-2", "VENDOR-1", "sepsis-watch", "1", "RB-H", "RB-2", null,
                "2026-01-12T08:00:00Z", "inference");
        operations.recordAiUsage(usage, usage.details(), "test", 1);
        // a second insurer's contract over the same hospital, created after its claims, then amended: the
        // replay meets them mid-stream and prices the hospital's encounters again under both (RB-1 is
        // INS-2's; RB-2 and RB-3 name no payer, so both contracts leave them out as payer_unknown)
        operations.createContract(Contracts.definition("RB-C2", "RB-H", "2025-12-01", "7000.00", "INS-2"));
        operations.amendContract(Contracts.definition("RB-C2", "RB-H", "2026-01-01", "7100.00", "INS-2"));
        operations.settle("RB-C", YearMonth.of(2026, 1));
        // its month closed: journal entries, invoices, a payment
        close.calculate("RB-C2", YearMonth.of(2026, 1), null, "maker", "run");
        close.approve("RB-C2", YearMonth.of(2026, 1), "checker", "ok");
        String invoice = close.close("RB-C2", YearMonth.of(2026, 1), "controller", "closed").documents().get(0).number();
        close.importPayments("rb-payments.csv", new java.io.ByteArrayInputStream(("reference,payer,payee,amount,currency,paid_on\n"
                + invoice + ",INS-2,RB-H,10.00,USD,2026-02-10\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        close.ledger("RB-C2");
        Map<String, List<String>> everyReadModel = readModels();
        List<Map<String, Object>> live = rows();
        assertThat(verifying.verify(n -> { }).differences()).isEmpty();

        jdbc.update("update ledger_line set debit = debit + 1 where entry_id like 'payment/%' and party = 'RB-H' and debit > 0");
        assertThat(verifying.verify(n -> { }).differences()).extracting(VerifyingReadModels.Difference::toString)
                .containsExactly("ledger_line account RB-C2 RB-H CASH USD: events say debits 10, credits 0, read model has "
                        + "debits 11, credits 0");
        jdbc.update("update ledger_line set debit = debit - 1 where entry_id like 'payment/%' and party = 'RB-H' and debit > 0");

        jdbc.update("update encounter_view set allowed_amount = allowed_amount + 1 where original_claim_id = 'RB-2'");
        List<VerifyingReadModels.Difference> found = verifying.verify(n -> { }).differences();

        // the facts (priced from the events) no longer match the corrupted encounter_view either
        assertThat(found).extracting(VerifyingReadModels.Difference::what).containsExactly("encounter_view of hospital RB-H",
                "encounter_fact of RB-C 2026-01 (events: its encounter_view lines priced in memory)",
                "encounter_fact of RB-C2 2026-01 (events: its encounter_view lines priced in memory)");
        assertThat(found.get(0).fromEvents()).isEqualTo("3 encounters, 1 voided, allowed 28500");
        assertThat(found.get(0).inReadModel()).isEqualTo("3 encounters, 1 voided, allowed 28501");

        RebuildingReadModels.Rebuilt rebuilt = rebuilding.rebuild(position -> { });

        assertThat(rebuilt.processors()).contains("encounters", "contracts", "baselines", "ai-usage").doesNotContain("outbound");
        assertThat(rebuilt.steps()).extracting(RebuildingReadModels.Step::name).contains("commit");
        assertThat(rows()).isEqualTo(live);
        assertThat(verifying.verify(n -> { }).differences()).isEmpty();
        assertSameAsLive(everyReadModel);
        assertThat(everyReadModel.get("encounter_fact")).anySatisfy(row -> assertThat(row).contains("\"RB-C\""));
        assertThat(everyReadModel.get("encounter_fact")).anySatisfy(row -> assertThat(row).contains("\"RB-C2\"")
                .contains("\"contract_version\": 2"));
        assertThat(rebuilt.facts()).isEqualTo(everyReadModel.get("encounter_fact").size());

        // again in batches of 3 events: the bulk copies of one batch go on while the next is handled,
        // the contracts are kept from batch to batch, changes of encounters of earlier batches wait
        // until after the load
        RebuildingReadModels.Rebuilt inSmallBatches = new RebuildingReadModels(processing, catchUp, eventSerializer,
                axon.upcasterChain(), tokenStore, new TransactionTemplate(transactions), axon.parameterResolverFactory(),
                List.of(encounters, contracts, baselines, usageProjection, settlements, ledger, facts), jdbc,
                List.of("encounter_view", "encounter_fact"), 3).rebuild(position -> { });
        assertThat(inSmallBatches.events()).isEqualTo(rebuilt.events());
        assertThat(inSmallBatches.steps()).extracting(RebuildingReadModels.Step::name)
                .anySatisfy(step -> assertThat(step).matches("[1-9][0-9]* deferred events handled"));
        assertSameAsLive(everyReadModel);
        assertThat(verifying.verify(n -> { }).differences()).isEmpty();
    }

    @Autowired
    org.axonframework.config.EventProcessingConfiguration processing;
    @Autowired
    @org.springframework.beans.factory.annotation.Qualifier("eventSerializer")
    org.axonframework.serialization.Serializer eventSerializer;
    @Autowired
    org.axonframework.config.Configuration axon;
    @Autowired
    org.axonframework.eventhandling.tokenstore.TokenStore tokenStore;
    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;
    @Autowired
    io.outcomepay.analytics.encounters.EncounterProjection encounters;
    @Autowired
    io.outcomepay.analytics.contracts.ContractProjection contracts;
    @Autowired
    io.outcomepay.analytics.baselines.BaselineProjection baselines;
    @Autowired
    io.outcomepay.analytics.usage.AiUsageProjection usageProjection;
    @Autowired
    io.outcomepay.analytics.settlements.SettlementProjection settlements;
    @Autowired
    io.outcomepay.analytics.ledger.LedgerProjection ledger;
    @Autowired
    io.outcomepay.analytics.facts.EncounterFactProjection facts;

    /** Every read model of every test so far, row for row, as the live processors built it. */
    private void assertSameAsLive(Map<String, List<String>> everyReadModel) {
        Map<String, List<String>> replayed = readModels();
        READ_MODELS.forEach(table -> {
            List<String> lost = new java.util.ArrayList<>(everyReadModel.get(table));
            lost.removeAll(replayed.get(table));
            List<String> added = new java.util.ArrayList<>(replayed.get(table));
            added.removeAll(everyReadModel.get(table));
            assertThat(lost).as(table + ": rows the replay lost").isEmpty();
            assertThat(added).as(table + ": rows the replay added").isEmpty();
            assertThat(replayed.get(table)).as(table).hasSameSizeAs(everyReadModel.get(table));
        });
    }

    private static final List<String> READ_MODELS = List.of("encounter_view", "encounter_fact", "ai_usage_view",
            "contract_version_view", "baseline_table_view", "baseline_entry_view", "settlement_view", "ledger_line",
            "invoice_view", "payment_view");

    private Map<String, List<String>> readModels() {
        catchUp.await();
        Map<String, List<String>> tables = new java.util.TreeMap<>();
        READ_MODELS.forEach(table -> tables.put(table, jdbc.queryForList(
                "select to_jsonb(t)::text as row from " + table + " t order by 1", String.class)));
        return tables;
    }

    private List<Map<String, Object>> rows() {
        return jdbc.queryForList("select * from encounter_view where hospital_id = 'RB-H' order by encounter_id");
    }
}
