package io.outcomepay.app.rest;

import io.outcomepay.app.config.Months;
import io.outcomepay.analytics.ledger.LedgerQueries;
import io.outcomepay.claims.application.ImportingPayments;
import io.outcomepay.billing.invoice.Reconciliation;
import io.outcomepay.billing.ledger.Ledger;
import io.outcomepay.reports.reconciliation.ReconciliationCsv;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

/** The ledger, invoices, payments and their reconciliation. */
@RestController
public class LedgerController {

    private final LedgerQueries ledger;
    private final ImportingPayments payments;

    public LedgerController(LedgerQueries ledger, ImportingPayments payments) {
        this.ledger = ledger;
        this.payments = payments;
    }

    public record Balances(List<Ledger.Balance> balances, int entries, BigDecimal totalDebits, BigDecimal totalCredits,
                           boolean balanced) {
    }

    /** Every account's balance (debits - credits), rebuilt from the journal entries. */
    @GetMapping("/api/ledger/balances")
    public Balances balances(@RequestParam(required = false) String contract) {
        Ledger books = ledger.ledger(contract);
        return new Balances(books.balances(), books.entries().size(), books.totalDebits(), books.totalCredits(),
                books.totalDebits().compareTo(books.totalCredits()) == 0);
    }

    /** The invoices and credit notes a month's closes issued. */
    @GetMapping("/api/invoices")
    public List<Reconciliation.Document> invoices(@RequestParam String period, @RequestParam(required = false) String contract) {
        return ledger.documents(Months.parse("period:", period), contract);
    }

    /** A payment file (text/csv: reference, payer, payee, amount, currency, paid_on; or an X12 835); needs a user. */
    @PostMapping(path = "/api/payments", consumes = {"text/csv", "text/plain", "application/edi-x12"})
    public ImportingPayments.PaymentsImported payments(@RequestBody String csv,
                                                  @RequestParam(defaultValue = "payments.csv") String source) {
        return payments.importPayments(new ImportingPayments.ImportPayments(source,
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8))));
    }

    @GetMapping("/api/reconciliation")
    public List<Reconciliation.Line> reconciliation(@RequestParam String period, @RequestParam(required = false) String contract,
                                                    @RequestParam(required = false) LocalDate asOf) {
        return ledger.reconcile(Months.parse("period:", period), contract, asOf);
    }

    @GetMapping(path = "/api/reconciliation/csv", produces = "text/csv")
    public String reconciliationCsv(@RequestParam String period, @RequestParam(required = false) String contract,
                                    @RequestParam(required = false) LocalDate asOf) {
        return ReconciliationCsv.write(ledger.reconcile(Months.parse("period:", period), contract, asOf));
    }
}
