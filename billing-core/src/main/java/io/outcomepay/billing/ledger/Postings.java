package io.outcomepay.billing.ledger;

import io.outcomepay.billing.settlement.SettlementResult;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The posting rules: which accounts an approval or a payment debits and credits.
 * <pre>
 * settlement, payer owes payee a:    Dr payee RECEIVABLE a     Cr payer PAYABLE a
 *   and withheld from the payee w:   Dr payee WITHHOLD w       Cr payer WITHHOLD w
 * adjustment, payer owes payee d>0:  Dr payee ADJUSTMENT d     Cr payer ADJUSTMENT d
 *             d&lt;0 (owes less):      Dr payer ADJUSTMENT |d|   Cr payee ADJUSTMENT |d|
 * payment p of a settlement invoice: Dr payer PAYABLE p, Cr payer CASH p; Dr payee CASH p, Cr payee RECEIVABLE p
 * payment of an adjustment invoice:  the same with ADJUSTMENT in place of PAYABLE and RECEIVABLE
 * </pre>
 * Every entry balances by construction (each amount is debited once and credited once).
 */
public final class Postings {

    private Postings() {
    }

    /**
     * What approving a month posts: its own shares (settlement), then each prior-period adjustment
     * it carries (the corrected month and the change per pair of parties), leaving out empty ones.
     *
     * @param adjustments each corrected month and its delta, in the order carried
     */
    public static List<JournalEntry> approval(SettlementResult result, String insurer, int revision,
                                              java.util.Map<String, List<Obligation>> adjustments) {
        List<JournalEntry> entries = new ArrayList<>();
        JournalEntry own = settlement(result.contractId(), result.period(), revision, result.currency(),
                Obligations.of(result, insurer), Obligations.withheld(result, insurer));
        if (own != null) {
            entries.add(own);
        }
        adjustments.forEach((corrected, delta) -> {
            JournalEntry entry = adjustment(result.contractId(), result.period(), revision, corrected, result.currency(), delta);
            if (entry != null) {
                entries.add(entry);
            }
        });
        return List.copyOf(entries);
    }

    /**
     * @param withheld what the withhold kept back from each party (Obligations.withheld)
     * @return null when there is nothing to post
     */
    public static JournalEntry settlement(String contractId, String period, int revision, String currency,
                                          List<Obligation> obligations, List<Obligation> withheld) {
        List<JournalLine> lines = new ArrayList<>();
        for (Obligation o : Obligations.owed(obligations)) {
            lines.add(JournalLine.debit(o.payee(), AccountKind.RECEIVABLE, o.amount()));
            lines.add(JournalLine.credit(o.payer(), AccountKind.PAYABLE, o.amount()));
        }
        for (Obligation w : withheld) {
            lines.add(JournalLine.debit(w.payee(), AccountKind.WITHHOLD, w.amount()));
            lines.add(JournalLine.credit(w.payer(), AccountKind.WITHHOLD, w.amount()));
        }
        return lines.isEmpty() ? null : new JournalEntry(contractId + "@" + period + "/r" + revision + "/settlement",
                contractId, period, EntryKind.SETTLEMENT, "revision " + revision, currency, lines);
    }

    /** @return null when the adjustment changes nothing */
    public static JournalEntry adjustment(String contractId, String period, int revision, String correctedPeriod,
                                          String currency, List<Obligation> delta) {
        List<JournalLine> lines = new ArrayList<>();
        for (Obligation o : Obligations.owed(delta)) {
            lines.add(JournalLine.debit(o.payee(), AccountKind.ADJUSTMENT, o.amount()));
            lines.add(JournalLine.credit(o.payer(), AccountKind.ADJUSTMENT, o.amount()));
        }
        return lines.isEmpty() ? null : new JournalEntry(contractId + "@" + period + "/r" + revision + "/adjustment/"
                + correctedPeriod, contractId, period, EntryKind.ADJUSTMENT, "corrects " + correctedPeriod, currency, lines);
    }

    /**
     * A payment from payer to payee applied to an invoice (adjustment: an adjustment invoice).
     *
     * @param period the month whose close issued the invoice
     */
    public static JournalEntry payment(String paymentId, String contractId, String period, String invoiceNumber,
                                       boolean adjustment, String payer, String payee, String currency, BigDecimal amount) {
        if (amount.signum() <= 0) {
            throw new IllegalArgumentException("payment " + paymentId + ": the amount must be positive, was "
                    + amount.toPlainString());
        }
        AccountKind owed = adjustment ? AccountKind.ADJUSTMENT : AccountKind.PAYABLE;
        AccountKind due = adjustment ? AccountKind.ADJUSTMENT : AccountKind.RECEIVABLE;
        return new JournalEntry("payment/" + paymentId, contractId, period, EntryKind.PAYMENT, invoiceNumber, currency,
                List.of(JournalLine.debit(payer, owed, amount), JournalLine.credit(payer, AccountKind.CASH, amount),
                        JournalLine.debit(payee, AccountKind.CASH, amount), JournalLine.credit(payee, due, amount)));
    }
}
