package io.outcomepay.analytics.settlements;

import io.outcomepay.billing.period.SettlementPeriodId;
import io.outcomepay.billing.period.api.PeriodSettled;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.time.YearMonth;
import java.util.List;

/** Every recorded revision of a contract month, straight from its event stream. */
public class SettlementHistory {

    private final EventStore eventStore;

    public SettlementHistory(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    public List<PeriodSettled> revisions(String contractId, YearMonth period) {
        return eventStore.readEvents(SettlementPeriodId.of(contractId, period)).asStream()
                .map(m -> m.getPayload())
                .filter(PeriodSettled.class::isInstance)
                .map(PeriodSettled.class::cast)
                .toList();
    }
}
