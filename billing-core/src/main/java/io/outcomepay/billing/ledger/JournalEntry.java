package io.outcomepay.billing.ledger;

import java.math.BigDecimal;
import java.util.List;

/**
 * A balanced journal entry of a contract's ledger: the sum of its debits equals the sum of its
 * credits, or it cannot be made. Entries are never changed or deleted; a correction is a new entry.
 *
 * @param period    the month whose approval or payment posted it
 * @param reference what it books: the settlement revision, the corrected month, the invoice paid
 */
public record JournalEntry(String entryId, String contractId, String period, EntryKind kind, String reference,
                           String currency, List<JournalLine> lines) {

    public JournalEntry {
        if (entryId == null || contractId == null || kind == null || currency == null || lines == null || lines.isEmpty()) {
            throw new IllegalArgumentException("a journal entry needs an id, a contract, a kind, a currency and lines");
        }
        lines = List.copyOf(lines);
        BigDecimal debits = BigDecimal.ZERO;
        BigDecimal credits = BigDecimal.ZERO;
        for (JournalLine line : lines) {
            debits = debits.add(line.debit());
            credits = credits.add(line.credit());
        }
        if (debits.compareTo(credits) != 0) {
            throw new IllegalArgumentException("journal entry " + entryId + " does not balance: debits "
                    + debits.toPlainString() + ", credits " + credits.toPlainString());
        }
    }

    public BigDecimal debits() {
        return lines.stream().map(JournalLine::debit).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public BigDecimal credits() {
        return lines.stream().map(JournalLine::credit).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
