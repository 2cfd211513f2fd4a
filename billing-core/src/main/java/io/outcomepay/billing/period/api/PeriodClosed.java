package io.outcomepay.billing.period.api;

import java.util.List;

/**
 * An approved month was closed: nothing recalculates or approves it again. It records the head of
 * its audit chain (the hash over every event before this one, chainedEvents of them) and the
 * invoices and credit notes its close issues.
 */
public record PeriodClosed(String periodId, int revision, String fingerprint, String actor, String reason,
                           List<InvoiceDraft> invoices, int chainedEvents, String chainHead) implements PeriodEvent {

    public PeriodClosed {
        invoices = List.copyOf(invoices);
    }

    @Override
    public String previousHash() {
        return chainHead;
    }
}
