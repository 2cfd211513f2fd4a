package io.outcomepay.billing.ledger;

import java.math.BigDecimal;

/** One side of a journal entry: a party's account debited or credited (the other amount is zero). */
public record JournalLine(String party, AccountKind account, BigDecimal debit, BigDecimal credit) {

    public JournalLine {
        if (party == null || account == null || debit == null || credit == null) {
            throw new IllegalArgumentException("a journal line needs a party, an account, a debit and a credit");
        }
        if (debit.signum() < 0 || credit.signum() < 0 || (debit.signum() == 0) == (credit.signum() == 0)) {
            throw new IllegalArgumentException("a journal line debits or credits a positive amount, not both: "
                    + party + " " + account + " debit " + debit.toPlainString() + " credit " + credit.toPlainString());
        }
    }

    public static JournalLine debit(String party, AccountKind account, BigDecimal amount) {
        return new JournalLine(party, account, amount, BigDecimal.ZERO.setScale(amount.scale()));
    }

    public static JournalLine credit(String party, AccountKind account, BigDecimal amount) {
        return new JournalLine(party, account, BigDecimal.ZERO.setScale(amount.scale()), amount);
    }
}
