package io.outcomepay.analytics.settlements;

import io.outcomepay.billing.period.api.PeriodSettled;
import io.outcomepay.billing.settlement.SettlementResult;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Table settlement_view: every revision of every settled contract month, totals and the whole result. */
@ProcessingGroup(SettlementProjection.GROUP)
public class SettlementProjection {

    public static final String GROUP = "settlements";
    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    public SettlementProjection(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(PeriodSettled event) {
        SettlementResult r = event.result();
        SettlementResult.Row total = r.total();
        jdbc.update("""
                insert into settlement_view (contract_id, period, revision, fingerprint, currency, encounters, excluded,
                    baseline_total, actual_total, savings, savings_rate, pool, insurer, hospital, vendor, result)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (contract_id, period, revision) do nothing""",
                r.contractId(), r.period(), event.revision(), r.fingerprint(), r.currency(), total.encounters(),
                total.excluded(), total.baselineTotal(), total.actualTotal(), total.savings(), total.savingsRate(),
                total.pool(), total.insurer(), total.hospital(), total.vendor(), json.writeValueAsString(r));
    }

    @ResetHandler
    void reset() {
        jdbc.execute("truncate settlement_view");
    }
}
