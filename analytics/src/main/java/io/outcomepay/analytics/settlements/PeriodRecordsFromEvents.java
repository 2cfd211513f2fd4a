package io.outcomepay.analytics.settlements;

import io.outcomepay.analytics.catchup.ReadModelCatchUp;
import io.outcomepay.billing.period.SettlementPeriodId;
import io.outcomepay.billing.period.api.PeriodEvent;
import io.outcomepay.billing.period.application.PeriodRecord;
import io.outcomepay.billing.period.application.PeriodRecords;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.YearMonth;
import java.util.List;

/**
 * A contract's months from their event streams: the months come from settlement_view (every month
 * calculated at least once), caught up first; each month's state from its own events.
 */
public class PeriodRecordsFromEvents implements PeriodRecords {

    private final EventStore eventStore;
    private final JdbcTemplate jdbc;
    private final ReadModelCatchUp catchUp;

    public PeriodRecordsFromEvents(EventStore eventStore, JdbcTemplate jdbc, ReadModelCatchUp catchUp) {
        this.eventStore = eventStore;
        this.jdbc = jdbc;
        this.catchUp = catchUp;
    }

    @Override
    public List<PeriodRecord> periods(String contractId) {
        catchUp.await(SettlementProjection.GROUP);
        List<String> months = jdbc.queryForList(
                "select distinct period from settlement_view where contract_id = ? order by period", String.class, contractId);
        return months.stream().map(YearMonth::parse).map(month -> PeriodRecord.of(contractId, month,
                eventStore.readEvents(SettlementPeriodId.of(contractId, month)).asStream()
                        .map(m -> m.getPayload()).filter(PeriodEvent.class::isInstance).map(PeriodEvent.class::cast)
                        .toList())).toList();
    }
}
