package io.outcomepay.billing.ledger;

/**
 * The accounts each party of a contract has. A debit balance is an asset of the party's (owed to
 * it, or cash received), a credit balance a liability (it owes).
 * RECEIVABLE / PAYABLE: a month's own settlement; ADJUSTMENT: prior-period adjustments (debit: owed
 * to the party, credit: owed by it); CASH: payments received (debit) and made (credit); WITHHOLD:
 * the part of a party's share the contract's withhold kept back (debit: withheld from the party,
 * credit: withheld by the payer).
 */
public enum AccountKind {
    RECEIVABLE, PAYABLE, ADJUSTMENT, CASH, WITHHOLD
}
