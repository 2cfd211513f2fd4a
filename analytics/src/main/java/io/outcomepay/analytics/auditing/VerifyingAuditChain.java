package io.outcomepay.analytics.auditing;

import io.outcomepay.billing.audit.AuditChain;
import io.outcomepay.billing.period.SettlementPeriod;
import io.outcomepay.billing.period.SettlementPeriodId;
import io.outcomepay.billing.period.api.PeriodClosed;
import io.outcomepay.billing.period.api.PeriodEvent;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.time.YearMonth;
import java.util.List;

/** Recomputes a contract month's audit chain from its stored events (AuditChain) and reports every mismatch. */
public class VerifyingAuditChain {

    private final EventStore eventStore;

    public VerifyingAuditChain(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    public AuditChain.Verification verify(String contractId, YearMonth period) {
        String id = SettlementPeriodId.of(contractId, period);
        List<AuditChain.Link> links = eventStore.readEvents(id).asStream()
                .filter(m -> m.getPayload() instanceof PeriodEvent)
                .map(m -> {
                    PeriodEvent event = (PeriodEvent) m.getPayload();
                    Object stored = m.getMetaData().get(SettlementPeriod.CHAIN_HASH);
                    return new AuditChain.Link(m.getSequenceNumber(), event.getClass().getSimpleName(), event,
                            event.previousHash(), stored == null ? null : stored.toString(),
                            event instanceof PeriodClosed closed ? closed.chainHead() : null);
                }).toList();
        if (links.isEmpty()) {
            throw new IllegalArgumentException("period: " + id + " has no events");
        }
        return AuditChain.verify(id, links);
    }
}
