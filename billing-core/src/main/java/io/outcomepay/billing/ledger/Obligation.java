package io.outcomepay.billing.ledger;

import java.math.BigDecimal;

/**
 * The payer owes the payee the amount, at the currency's scale. In a settlement the amount is
 * positive; in a prior-period adjustment it is the change, negative when the payer owes less.
 */
public record Obligation(String payer, String payee, BigDecimal amount) {

    public Obligation {
        if (payer == null || payee == null || amount == null || payer.equals(payee)) {
            throw new IllegalArgumentException("an obligation needs a payer, a different payee and an amount");
        }
    }
}
