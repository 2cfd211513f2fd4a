package io.outcomepay.analytics.baselines;

import io.outcomepay.billing.baseline.api.BaselineTablePublished;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Date;

/** Tables baseline_table_view and baseline_entry_view: every version of every baseline table. */
@ProcessingGroup(BaselineProjection.GROUP)
public class BaselineProjection {

    public static final String GROUP = "baselines";
    private final JdbcTemplate jdbc;

    public BaselineProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(BaselineTablePublished event) {
        int inserted = jdbc.update("""
                insert into baseline_table_view (table_id, version, kind, effective_from, source, content_sha256, entries)
                values (?, ?, ?, ?, ?, ?, ?) on conflict (table_id, version) do nothing""",
                event.tableId(), event.version(), event.kind().name(), Date.valueOf(event.effectiveFrom()),
                event.source(), event.contentSha256(), event.entries().size());
        if (inserted == 0) {
            return;
        }
        jdbc.batchUpdate("insert into baseline_entry_view (table_id, version, code, weight, title, mean_cost) "
                        + "values (?, ?, ?, ?, ?, ?)",
                event.entries(), 500, (ps, e) -> {
                    ps.setString(1, event.tableId());
                    ps.setInt(2, event.version());
                    ps.setString(3, e.code());
                    ps.setBigDecimal(4, e.weight());
                    ps.setString(5, e.title());
                    ps.setBigDecimal(6, e.meanCost());
                });
    }

    @ResetHandler
    void reset() {
        jdbc.execute("truncate baseline_entry_view");
        jdbc.execute("truncate baseline_table_view");
    }
}
