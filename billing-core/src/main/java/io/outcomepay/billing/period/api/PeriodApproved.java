package io.outcomepay.billing.period.api;

import io.outcomepay.billing.ledger.JournalEntry;

import java.util.List;

/** A calculated month was approved by a checker other than its maker; the journal entries it posted. */
public record PeriodApproved(String periodId, int revision, String fingerprint, String actor, String reason,
                             List<JournalEntry> entries, String previousHash) implements PeriodEvent {

    public PeriodApproved {
        entries = List.copyOf(entries);
    }
}
