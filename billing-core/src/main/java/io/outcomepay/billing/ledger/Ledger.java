package io.outcomepay.billing.ledger;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A contract's ledger: every journal entry posted, in order, and the balances they give. An entry
 * id is posted once; nothing is removed. Balances are always rebuilt from the entries.
 */
public final class Ledger {

    /** A party's account of a contract. */
    public record Account(String contractId, String party, AccountKind kind) {
    }

    /** An account's debits, credits and balance (debits minus credits) in one currency. */
    public record Balance(Account account, String currency, BigDecimal debits, BigDecimal credits) {
        public BigDecimal balance() {
            return debits.subtract(credits);
        }
    }

    private final List<JournalEntry> entries = new ArrayList<>();
    private final Set<String> ids = new HashSet<>();

    public static Ledger of(List<JournalEntry> entries) {
        Ledger ledger = new Ledger();
        entries.forEach(ledger::post);
        return ledger;
    }

    public void post(JournalEntry entry) {
        if (!ids.add(entry.entryId())) {
            throw new IllegalArgumentException("journal entry " + entry.entryId() + " is posted already");
        }
        entries.add(entry);
    }

    public List<JournalEntry> entries() {
        return Collections.unmodifiableList(entries);
    }

    /** Every account's balance, sorted by contract, party and kind, then currency. */
    public List<Balance> balances() {
        Map<String, Balance> balances = new TreeMap<>();
        for (JournalEntry entry : entries) {
            for (JournalLine line : entry.lines()) {
                Account account = new Account(entry.contractId(), line.party(), line.account());
                String key = account.contractId() + "\u0000" + account.party() + "\u0000" + account.kind().ordinal()
                        + "\u0000" + entry.currency();
                Balance old = balances.get(key);
                balances.put(key, old == null ? new Balance(account, entry.currency(), line.debit(), line.credit())
                        : new Balance(account, entry.currency(), old.debits().add(line.debit()), old.credits().add(line.credit())));
            }
        }
        return List.copyOf(balances.values());
    }

    public BigDecimal totalDebits() {
        return entries.stream().map(JournalEntry::debits).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public BigDecimal totalCredits() {
        return entries.stream().map(JournalEntry::credits).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
