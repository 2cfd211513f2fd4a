package io.outcomepay.analytics.ledger;

import io.outcomepay.analytics.catchup.ReadModelCatchUp;
import io.outcomepay.billing.invoice.Reconciliation;
import io.outcomepay.billing.ledger.AccountKind;
import io.outcomepay.billing.ledger.EntryKind;
import io.outcomepay.billing.ledger.JournalEntry;
import io.outcomepay.billing.ledger.JournalLine;
import io.outcomepay.billing.period.api.InvoiceDraft;
import io.outcomepay.billing.period.application.InvoiceRegister;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import io.outcomepay.billing.ledger.Ledger;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The ledger, the invoices and the payments as the "ledger" processor has them, caught up first. */
public class LedgerQueries implements InvoiceRegister {

    private final JdbcTemplate jdbc;
    private final ReadModelCatchUp catchUp;
    private final Clock clock;

    public LedgerQueries(JdbcTemplate jdbc, ReadModelCatchUp catchUp, Clock clock) {
        this.jdbc = jdbc;
        this.catchUp = catchUp;
        this.clock = clock;
    }

    /** The contract's ledger (every contract: null), rebuilt from its journal entries. */
    public Ledger ledger(String contractId) {
        return Ledger.of(entries(contractId));
    }

    /**
     * A month's reconciliation: each document of its closes (and the credit notes of later closes
     * that reference them) against the payments received.
     * @param asOf the day ages are counted to (null: today, UTC)
     */
    public List<Reconciliation.Line> reconcile(YearMonth period, String contractId, LocalDate asOf) {
        ReconciliationInput input = reconciliationInput(period, contractId);
        return Reconciliation.of(input.documents(), input.received(),
                asOf != null ? asOf : LocalDate.now(clock.withZone(ZoneOffset.UTC)));
    }

    /** Every journal entry of the contract (every contract: null), in the order posted. */
    public List<JournalEntry> entries(String contractId) {
        catchUp.await(LedgerProjection.GROUP);
        Map<String, List<JournalLine>> lines = new LinkedHashMap<>();
        Map<String, String[]> heads = new LinkedHashMap<>();
        jdbc.query("""
                select entry_id, line_no, contract_id, period, kind, reference, currency, party, account, debit, credit
                from ledger_line where (?::text is null or contract_id = ?) order by contract_id, entry_id, line_no""",
                rs -> {
                    String id = rs.getString(1);
                    heads.putIfAbsent(id, new String[]{rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                            rs.getString(7)});
                    lines.computeIfAbsent(id, k -> new ArrayList<>()).add(new JournalLine(rs.getString(8),
                            AccountKind.valueOf(rs.getString(9)), rs.getBigDecimal(10), rs.getBigDecimal(11)));
                }, contractId, contractId);
        List<JournalEntry> entries = new ArrayList<>();
        heads.forEach((id, h) -> entries.add(new JournalEntry(id, h[0], h[1], EntryKind.valueOf(h[2]), h[3], h[4],
                lines.get(id))));
        return entries;
    }

    @Override
    public Optional<String> numberOf(String key) {
        catchUp.await(LedgerProjection.GROUP);
        return jdbc.query("select number from invoice_view where draft_key = ?", (rs, i) -> rs.getString(1), key)
                .stream().findFirst();
    }

    /** The invoices and credit notes with these numbers, by number (numbers of none are left out). */
    public Map<String, Reconciliation.Document> documents(Collection<String> numbers) {
        catchUp.await(LedgerProjection.GROUP);
        Map<String, Reconciliation.Document> documents = new HashMap<>();
        jdbc.query(DOCUMENTS + " where number = any (?)", DOCUMENT, (Object) numbers.toArray(String[]::new))
                .forEach(d -> documents.put(d.number(), d));
        return documents;
    }

    /** The documents a month's closes issued (every contract: contractId null), by issuer and number. */
    public List<Reconciliation.Document> documents(YearMonth period, String contractId) {
        catchUp.await(LedgerProjection.GROUP);
        return jdbc.query(DOCUMENTS + " where period = ? and (?::text is null or contract_id = ?) order by issuer, book_id, sequence",
                DOCUMENT, period.toString(), contractId, contractId);
    }

    /**
     * What reconciling a month reads: the documents of its closes, the credit notes of later closes
     * that reference them, the payments applied to any of these, and every unmatched payment.
     */
    record ReconciliationInput(List<Reconciliation.Document> documents, List<Reconciliation.Received> received) {
    }

    private ReconciliationInput reconciliationInput(YearMonth period, String contractId) {
        List<Reconciliation.Document> documents = new ArrayList<>(documents(period, contractId));
        List<String> numbers = documents.stream().map(Reconciliation.Document::number).toList();
        documents.addAll(jdbc.query(DOCUMENTS + " where references_invoice = any (?) and period <> ? order by issuer, book_id, sequence",
                DOCUMENT, numbers.toArray(String[]::new), period.toString()));
        List<String> all = documents.stream().map(Reconciliation.Document::number).toList();
        List<Reconciliation.Received> received = jdbc.query("""
                select reference, payer, payee, amount, currency, paid_on, invoice_number from payment_view
                where invoice_number = any (?) or invoice_number is null order by paid_on, payer, reference""",
                (rs, i) -> new Reconciliation.Received(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getBigDecimal(4), rs.getString(5), rs.getDate(6).toLocalDate(), rs.getString(7)),
                (Object) all.toArray(String[]::new));
        return new ReconciliationInput(documents, received);
    }

    private static final String DOCUMENTS = """
            select number, kind, issuer, billed_to, contract_id, period, corrected_period, references_invoice, amount,
                   currency, issued_on from invoice_view""";

    private static final RowMapper<Reconciliation.Document> DOCUMENT = (rs, i) -> new Reconciliation.Document(
            rs.getString(1), InvoiceDraft.DocumentKind.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4),
            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getBigDecimal(9), rs.getString(10),
            rs.getDate(11).toLocalDate());
}
