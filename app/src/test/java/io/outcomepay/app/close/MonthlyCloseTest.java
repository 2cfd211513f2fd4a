package io.outcomepay.app.close;

import io.outcomepay.app.support.UseCases;
import io.outcomepay.claims.application.ImportingPayments;
import io.outcomepay.app.support.ClaimsFile;
import io.outcomepay.app.support.Contracts;
import io.outcomepay.app.support.IntegrationTest;
import io.outcomepay.billing.audit.AuditChain;
import io.outcomepay.billing.invoice.Reconciliation;
import io.outcomepay.billing.ledger.AccountKind;
import io.outcomepay.billing.ledger.Ledger;
import io.outcomepay.billing.ledger.Obligation;
import io.outcomepay.billing.period.api.InvoiceDraft;
import io.outcomepay.billing.period.api.PeriodRefused;
import io.outcomepay.billing.period.api.PriorPeriodAdjustment;
import io.outcomepay.billing.period.application.ClosingPeriod;
import io.outcomepay.billing.period.application.SettlingPeriod;
import io.outcomepay.claims.intake.DeadLetters;
import io.outcomepay.claims.intake.IngestingClaims;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The monthly close through the whole application: lifecycle, adjustments, ledger, invoices, payments, audit chain. */
class MonthlyCloseTest extends IntegrationTest {

    private static final YearMonth JAN = YearMonth.of(2026, 1);
    private static final YearMonth FEB = YearMonth.of(2026, 2);
    private static final YearMonth MAR = YearMonth.of(2026, 3);

    @Autowired
    java.time.Clock clock;
    @Autowired
    UseCases close;
    @Autowired
    UseCases operations;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DeadLetters deadLetters;
    @LocalServerPort
    int port;
    @TempDir
    Path dir;

    private void ingest(ClaimsFile claims, String name) {
        operations.ingestCsv(claims.writeTo(dir, name), IngestingClaims.Listener.silent());
    }

    private static BigDecimal usd(String amount) {
        return new BigDecimal(amount);
    }

    @Test
    void lateClaimsForAClosedMonthAreCarriedIntoTheNextOpenMonthAsHandWorkedAdjustmentsInvoicedAndCredited() {
        operations.createContract(Contracts.definition("MC-C", "MC-H", "2026-01-01", "6500.00"));
        // January: DRG 193, baseline 1.3144 x 6500.00 = 8543.60, allowed 8000.00: savings 543.60 (6.36% >= 2%),
        // pool 543.60: insurer 50% 271.80, hospital 30% 163.08, vendor 20% 108.72
        ingest(ClaimsFile.claims().row("MC1", "MC-H", "193", "8000.00"), "mc-jan.csv");
        assertThat(close.calculate("MC-C", JAN, null, "maker", "January run").result().total().hospital())
                .isEqualByComparingTo("163.08");
        assertThatThrownBy(() -> close.approve("MC-C", JAN, "maker", "my own run")).isInstanceOf(PeriodRefused.class)
                .hasMessageContaining("maker-checker: maker ran the calculation of MC-C@2026-01");
        assertThatThrownBy(() -> close.close("MC-C", JAN, "controller", "too early")).isInstanceOf(PeriodRefused.class)
                .hasMessageContaining("a month is approved before it is closed");
        close.approve("MC-C", JAN, "checker", "agrees with the remittances");
        ClosingPeriod.Closed january = close.close("MC-C", JAN, "controller", "January books closed");
        assertThat(january.documents()).extracting(ClosingPeriod.Issued::number).contains("MC-H-000001");
        assertThatThrownBy(() -> close.calculate("MC-C", JAN, null, "maker", "again")).isInstanceOf(PeriodRefused.class)
                .hasMessageContaining("is closed (revision 1)");
        assertThatThrownBy(() -> close.approve("MC-C", JAN, "other", "again")).isInstanceOf(PeriodRefused.class)
                .hasMessageContaining("is closed");

        // a late replacement lowers January's cost to 7500.00: savings 1043.60, capped at 10% of 8543.60 = 854.36;
        // shares 427.18 / 256.308 / 170.872: the cents left over go by largest remainder to the hospital: 256.31, 170.87
        ingest(ClaimsFile.claims().row("MC1R", "MC-H", "193", "7500.00", "claim_frequency=replacement",
                "original_claim_id=MC1"), "mc-late.csv");
        ingest(ClaimsFile.claims().row("MC2", "MC-H", "193", "8000.00", "admit_date=2026-02-10",
                "discharge_date=2026-02-15"), "mc-feb.csv");
        SettlingPeriod.Settled february = close.calculate("MC-C", FEB, null, "maker", "February run");
        assertThat(february.result().total().hospital()).isEqualByComparingTo("163.08");
        assertThat(february.adjustments()).hasSize(1);
        PriorPeriodAdjustment adjustment = february.adjustments().get(0);
        assertThat(adjustment.correctedPeriod()).isEqualTo("2026-01");
        assertThat(adjustment.settledSavings()).isEqualByComparingTo("543.60");
        assertThat(adjustment.resettledSavings()).isEqualByComparingTo("1043.60");
        assertThat(adjustment.delta()).containsExactly(new Obligation("INS-1", "MC-H", usd("93.23")),
                new Obligation("INS-1", "VENDOR-1", usd("62.15")));
        close.approve("MC-C", FEB, "checker", "ok");
        ClosingPeriod.Closed closedFebruary = close.close("MC-C", FEB, "controller", "February books closed");
        Map<String, InvoiceDraft> mine = closedFebruary.documents().stream().filter(i -> i.draft().issuer().equals("MC-H"))
                .collect(Collectors.toMap(ClosingPeriod.Issued::number, ClosingPeriod.Issued::draft));
        assertThat(mine.keySet()).containsExactlyInAnyOrder("MC-H-000002", "MC-H-000003");
        assertThat(mine.get("MC-H-000002").amount()).isEqualByComparingTo("163.08");
        assertThat(mine.get("MC-H-000003").amount()).isEqualByComparingTo("93.23");
        assertThat(mine.get("MC-H-000003").correctedPeriod()).isEqualTo("2026-01");

        // the statements: February shows January's adjustment apart; January, closed, says it changed since
        assertThat(statementText("MC-C", FEB, "MC-H")).contains("Prior-period adjustments (apart from this month's result)",
                "Adjustment for 2026-01, owed to the", "by INS-1; negative: owed less 93.23", "Savings of 2026-01 settled again", "1,043.60",
                "Month status", "closed");
        assertThat(statementText("MC-C", JAN, "MC-H")).contains("Changed since the close", "163.08",
                "No prior-period adjustment");

        // the ledger: January's and February's shares and the adjustment, balanced, rebuilt from the journal entries
        Ledger ledger = close.ledger("MC-C");
        assertThat(ledger.totalDebits()).isEqualByComparingTo(ledger.totalCredits());
        assertThat(balance(ledger, "MC-H", AccountKind.RECEIVABLE)).isEqualByComparingTo("326.16");
        assertThat(balance(ledger, "MC-H", AccountKind.ADJUSTMENT)).isEqualByComparingTo("93.23");
        assertThat(balance(ledger, "INS-1", AccountKind.PAYABLE)).isEqualByComparingTo("-543.60");
        assertThat(balance(ledger, "INS-1", AccountKind.ADJUSTMENT)).isEqualByComparingTo("-155.38");

        // voiding the claim leaves January with no savings: March carries -(163.08 + 93.23) for the hospital as a
        // credit note referencing the latest invoice for January (February's adjustment invoice)
        ingest(ClaimsFile.claims().row("MC1V", "MC-H", "193", "7500.00", "claim_frequency=void",
                "original_claim_id=MC1"), "mc-void.csv");
        SettlingPeriod.Settled march = close.calculate("MC-C", MAR, null, "maker", "March run");
        assertThat(march.adjustments()).singleElement().satisfies(a -> assertThat(a.delta())
                .containsExactly(new Obligation("INS-1", "MC-H", usd("-256.31")), new Obligation("INS-1", "VENDOR-1", usd("-170.87"))));
        close.approve("MC-C", MAR, "checker", "ok");
        assertThat(close.close("MC-C", MAR, "controller", "March books closed").documents())
                .filteredOn(i -> i.draft().issuer().equals("MC-H")).singleElement().satisfies(credit -> {
                    assertThat(credit.number()).isEqualTo("MC-H-000004");
                    assertThat(credit.draft().kind()).isEqualTo(InvoiceDraft.DocumentKind.CREDIT_NOTE);
                    assertThat(credit.draft().amount()).isEqualByComparingTo("256.31");
                    assertThat(credit.draft().referencesInvoice()).isEqualTo("MC-H-000003");
                });
        assertThat(balance(close.ledger("MC-C"), "MC-H", AccountKind.ADJUSTMENT)).isEqualByComparingTo("-163.08");

        // the audit chain of January is intact, and closing recorded its head
        AuditChain.Verification verified = close.verifyAudit("MC-C", JAN);
        assertThat(verified.intact()).isTrue();
        assertThat(verified.events()).isEqualTo(3);
        assertThat(verified.closedHead()).hasSize(64);
    }

    @Autowired
    io.outcomepay.app.reporting.Reporting reporting;

    private String statementText(String contractId, YearMonth period, String hospital) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        reporting.write(new io.outcomepay.app.reporting.Reporting.Request(io.outcomepay.app.reporting.Reporting.Kind.STATEMENT,
                contractId, period, hospital, null, null, null), io.outcomepay.reports.rendering.ReportFormat.PDF,
                io.outcomepay.reports.rendering.Language.EN, out);
        try (org.apache.pdfbox.pdmodel.PDDocument pdf = org.apache.pdfbox.Loader.loadPDF(out.toByteArray())) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(pdf);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static BigDecimal balance(Ledger ledger, String party, AccountKind kind) {
        return ledger.balances().stream().filter(b -> b.account().party().equals(party) && b.account().kind() == kind)
                .map(Ledger.Balance::balance).findFirst().orElse(BigDecimal.ZERO);
    }

    @Test
    void monthsCloseInOrder() {
        operations.createContract(Contracts.definition("MO-C", "MO-H", "2026-01-01", "6500.00"));
        ingest(ClaimsFile.claims().row("MO1", "MO-H", "193", "8000.00")
                .row("MO2", "MO-H", "193", "8000.00", "admit_date=2026-02-10", "discharge_date=2026-02-15"), "mo.csv");
        close.calculate("MO-C", JAN, null, "maker", "run");
        close.calculate("MO-C", FEB, null, "maker", "run");
        close.approve("MO-C", FEB, "checker", "ok");
        assertThatThrownBy(() -> close.close("MO-C", FEB, "controller", "out of order")).isInstanceOf(PeriodRefused.class)
                .hasMessageContaining("months close in order: MO-C@2026-01 is calculated; close it before 2026-02");
    }

    @Test
    void anAlteredEventIsFoundByTheAuditChain() {
        operations.createContract(Contracts.definition("MT-C", "MT-H", "2026-01-01", "6500.00"));
        ingest(ClaimsFile.claims().row("MT1", "MT-H", "193", "8000.00"), "mt.csv");
        close.calculate("MT-C", JAN, null, "maker", "run");
        close.approve("MT-C", JAN, "checker", "checked");
        close.close("MT-C", JAN, "controller", "closed");
        assertThat(close.verifyAudit("MT-C", JAN).intact()).isTrue();

        int altered = jdbc.update("""
                update domain_event_entry
                set payload = convert_to(replace(convert_from(payload, 'UTF8'), '"actor":"checker"', '"actor":"mallory"'), 'UTF8')
                where aggregate_identifier = 'MT-C@2026-01' and payload_type like '%PeriodApproved'""");
        assertThat(altered).isEqualTo(1);
        AuditChain.Verification verified = close.verifyAudit("MT-C", JAN);
        assertThat(verified.intact()).isFalse();
        assertThat(verified.problems()).first().asString()
                .startsWith("event 1 (PeriodApproved) was stored with the hash")
                .endsWith("the stored event was altered");
        assertThat(verified.problems()).anySatisfy(p -> assertThat(p).startsWith("event 2 (PeriodClosed) records the previous hash"));
    }

    @Test
    void invoicesOfOneIssuerAreNumberedWithoutGapsWhenMonthsCloseAtOnce() throws Exception {
        int contracts = 6;
        for (int i = 0; i < contracts; i++) {
            operations.createContract(Contracts.definition("MN-C" + i, "MN-H" + i, "2026-01-01", "6500.00"));
            ingest(ClaimsFile.claims().row("MN" + i, "MN-H" + i, "193", "8000.00"), "mn" + i + ".csv");
            close.calculate("MN-C" + i, JAN, null, "maker", "run");
            close.approve("MN-C" + i, JAN, "checker", "ok");
        }
        ExecutorService pool = Executors.newFixedThreadPool(contracts);
        List<Future<ClosingPeriod.Closed>> closes = new ArrayList<>();
        for (int i = 0; i < contracts; i++) {
            String id = "MN-C" + i;
            closes.add(pool.submit((Callable<ClosingPeriod.Closed>) () -> close.close(id, JAN, "controller", "at once")));
        }
        List<String> vendorNumbers = new ArrayList<>();
        for (Future<ClosingPeriod.Closed> closed : closes) {
            closed.get().documents().stream().filter(d -> d.draft().issuer().equals("VENDOR-1"))
                    .forEach(d -> vendorNumbers.add(d.number()));
        }
        pool.shutdown();
        assertThat(vendorNumbers).hasSize(contracts).doesNotHaveDuplicates();
        List<Integer> sequences = jdbc.queryForList(
                "select sequence from invoice_view where book_id = 'invoice-book:VENDOR-1' order by sequence", Integer.class);
        close.invoices(JAN, null); // caught up
        sequences = jdbc.queryForList(
                "select sequence from invoice_view where book_id = 'invoice-book:VENDOR-1' order by sequence", Integer.class);
        for (int i = 0; i < sequences.size(); i++) {
            assertThat(sequences.get(i)).isEqualTo(i + 1);
        }
    }

    @Test
    void paymentsAreReconciledAgainstTheInvoicesWithTheirAges() throws Exception {
        operations.createContract(Contracts.definition("MP-C", "MP-H", "2026-01-01", "6500.00"));
        ingest(ClaimsFile.claims().row("MP1", "MP-H", "193", "8000.00"), "mp.csv");
        close.calculate("MP-C", JAN, null, "maker", "run");
        close.approve("MP-C", JAN, "checker", "ok");
        List<ClosingPeriod.Issued> issued = close.close("MP-C", JAN, "controller", "closed").documents();
        String hospitalInvoice = issued.stream().filter(i -> i.draft().issuer().equals("MP-H")).findFirst().orElseThrow().number();
        String vendorInvoice = issued.stream().filter(i -> i.draft().issuer().equals("VENDOR-1")).findFirst().orElseThrow().number();
        String csv = "reference,payer,payee,amount,currency,paid_on\n"
                + hospitalInvoice + ",INS-1,MP-H,163.08,USD,2026-02-20\n"
                + vendorInvoice + ",INS-1,VENDOR-1,100.00,USD,2026-02-20\n"
                + "WIRE-77,INS-1,MP-H,5.00,USD,2026-02-21\n"
                + "BAD-1,INS-1,MP-H,abc,USD,2026-02-21\n";
        ImportingPayments.PaymentsImported imported = close.importPayments("mp-payments.csv",
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
        assertThat(imported.recorded()).isEqualTo(3);
        assertThat(imported.applied()).isEqualTo(2);
        assertThat(imported.rejections()).singleElement().satisfies(r -> {
            assertThat(r.line()).isEqualTo(5);
            assertThat(r.field()).isEqualTo("amount");
        });
        assertThat(deadLetters.list("mp-payments.csv", 10)).singleElement()
                .satisfies(l -> assertThat(l.reason()).isEqualTo("'abc' is not a decimal number like 1234.56"));
        // the same file again records nothing; the same reference with another amount is a conflict
        assertThat(close.importPayments("mp-payments.csv", new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)))
                .duplicates()).isEqualTo(3);
        assertThat(close.importPayments("mp-payments-2.csv", new ByteArrayInputStream(("reference,payer,payee,amount,currency,paid_on\n"
                + "WIRE-77,INS-1,MP-H,6.00,USD,2026-02-21\n").getBytes(StandardCharsets.UTF_8))).rejections())
                .singleElement().satisfies(r -> assertThat(r.reason()).contains("was recorded with other details"));

        // invoices are dated by the application's clock (UTC), not the test JVM's time zone
        List<Reconciliation.Line> lines = close.reconcile(JAN, "MP-C", LocalDate.now(clock).plusDays(45));
        assertThat(lines).filteredOn(l -> hospitalInvoice.equals(l.document())).singleElement()
                .satisfies(l -> assertThat(l.category()).isEqualTo(Reconciliation.Category.MATCHED));
        assertThat(lines).filteredOn(l -> vendorInvoice.equals(l.document())).singleElement().satisfies(l -> {
            assertThat(l.category()).isEqualTo(Reconciliation.Category.PARTIAL);
            assertThat(l.outstanding()).isEqualByComparingTo("8.72");
            assertThat(l.ageDays()).isEqualTo(45);
            assertThat(l.ageing()).isEqualTo("31-60");
        });
        assertThat(lines).filteredOn(l -> l.category() == Reconciliation.Category.UNMATCHED)
                .anySatisfy(l -> assertThat(l.references()).isEqualTo("WIRE-77"));
        Ledger ledger = close.ledger("MP-C");
        assertThat(balance(ledger, "MP-H", AccountKind.RECEIVABLE)).isEqualByComparingTo("0.00");
        assertThat(balance(ledger, "MP-H", AccountKind.CASH)).isEqualByComparingTo("163.08");
        assertThat(balance(ledger, "VENDOR-1", AccountKind.RECEIVABLE)).isEqualByComparingTo("8.72");
        assertThat(ledger.totalDebits()).isEqualByComparingTo(ledger.totalCredits());

        // an 835 from the insurer pays the rest, quoting the invoice number as its trace (TRN02)
        Path remittance = dir.resolve("mp.835");
        java.nio.file.Files.writeString(remittance,
                "ISA*00*          *00*          *ZZ*PAYER          *ZZ*VENDOR         *260305*1200*^*00501*000000002*0*T*:~"
                + "GS*HP*PAYER*VENDOR*20260305*1200*2*X*005010X221A1~ST*835*0001~"
                + "BPR*I*8.72*C*ACH*CTX*01*999999999*DA*123456*1512345678**01*999988880*DA*98765*20260305~"
                + "TRN*1*" + vendorInvoice + "*1512345678~N1*PR*INSURER ONE*XV*INS-1~N1*PE*VENDOR ONE*XX*VENDOR-1~"
                + "SE*6*0001~GE*1*2~IEA*1*000000002~");
        ImportingPayments.PaymentsImported remitted = close.importPayments(remittance);
        assertThat(remitted.recorded()).as(remitted.rejections().toString()).isEqualTo(1);
        assertThat(remitted.applied()).isEqualTo(1);
        assertThat(close.reconcile(JAN, "MP-C", null)).filteredOn(l -> vendorInvoice.equals(l.document())).singleElement()
                .satisfies(l -> {
                    assertThat(l.category()).isEqualTo(Reconciliation.Category.MATCHED);
                    assertThat(l.payments()).containsExactly(vendorInvoice + " 100.00 USD on 2026-02-20",
                            vendorInvoice + " 8.72 USD on 2026-03-05");
                });
    }

    @Test
    void overRestTheAuthenticatedUserIsTheActorAndMakerCheckerHolds() throws Exception {
        operations.createContract(Contracts.definition("MR-C", "MR-H", "2026-01-01", "6500.00"));
        ingest(ClaimsFile.claims().row("MR1", "MR-H", "193", "8000.00"), "mr.csv");
        assertThat(post("/api/periods/MR-C/2026-01/calculate?reason=run", null).statusCode()).isEqualTo(401);
        assertThat(post("/api/periods/MR-C/2026-01/calculate?reason=run", "finance-maker:maker-secret").statusCode())
                .isEqualTo(200);
        HttpResponse<String> self = post("/api/periods/MR-C/2026-01/approve?reason=mine", "finance-maker:maker-secret");
        assertThat(self.statusCode()).isEqualTo(409);
        assertThat(self.body()).contains("maker-checker: finance-maker ran the calculation");
        HttpResponse<String> missingReason = post("/api/periods/MR-C/2026-01/approve", "finance-checker:checker-secret");
        assertThat(missingReason.statusCode()).isEqualTo(400);
        assertThat(missingReason.body()).contains("\"field\":\"reason\"");
        HttpResponse<String> blankReason = post("/api/periods/MR-C/2026-01/approve?reason=%20", "finance-checker:checker-secret");
        assertThat(blankReason.statusCode()).isEqualTo(400);
        assertThat(blankReason.body()).contains("reason: why is required to approve a month", "\"field\":\"reason\"");
        assertThat(post("/api/periods/MR-C/2026-01/approve?reason=ok", "finance-checker:checker-secret").body())
                .contains("\"status\":\"approved\"", "\"approvedBy\":\"finance-checker\"", "\"calculatedBy\":\"finance-maker\"");
        assertThat(post("/api/periods/MR-C/2026-01/close?reason=done", "controller:controller-secret").statusCode()).isEqualTo(200);
        HttpResponse<String> balances = get("/api/ledger/balances?contract=MR-C");
        assertThat(balances.body()).contains("\"balanced\":true");
        HttpResponse<String> invoices = get("/api/invoices?period=2026-01&contract=MR-C");
        assertThat(invoices.body()).contains("\"number\":\"MR-H-000001\"");
        String payments = "reference,payer,payee,amount,currency,paid_on\nMR-H-000001,INS-1,MR-H,10.00,USD,2026-02-10\n";
        assertThat(post("/api/payments?source=mr-payments.csv", null, payments).statusCode()).isEqualTo(401);
        HttpResponse<String> paid = post("/api/payments?source=mr-payments.csv", "controller:controller-secret", payments);
        assertThat(paid.statusCode()).isEqualTo(200);
        assertThat(paid.body()).contains("\"recorded\":1", "\"applied\":1");
        assertThat(get("/api/reconciliation?period=2026-01&contract=MR-C").body()).contains("\"category\":\"PARTIAL\"");
        HttpResponse<String> audit = get("/api/periods/MR-C/2026-01/audit");
        assertThat(audit.body()).contains("\"intact\":true");
        assertThat(get("/api/reconciliation?period=2026-13").statusCode()).isEqualTo(400);
    }

    private HttpResponse<String> post(String path, String user) throws Exception {
        return post(path, user, null);
    }

    private HttpResponse<String> post(String path, String user, String csv) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .POST(csv == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(csv));
        if (csv != null) {
            request.header("Content-Type", "text/csv");
        }
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(user.getBytes(StandardCharsets.UTF_8)));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
