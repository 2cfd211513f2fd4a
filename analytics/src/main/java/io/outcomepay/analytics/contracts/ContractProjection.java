package io.outcomepay.analytics.contracts;

import io.outcomepay.billing.contract.api.ContractEvent;
import io.outcomepay.billing.contract.api.ContractEvent.ContractAmended;
import io.outcomepay.billing.contract.api.ContractEvent.ContractCreated;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Date;

/** Table contract_version_view: every version of every contract, with its definition as JSON. */
@ProcessingGroup(ContractProjection.GROUP)
public class ContractProjection {

    public static final String GROUP = "contracts";
    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    public ContractProjection(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(ContractCreated event) {
        store(event);
    }

    @EventHandler
    void on(ContractAmended event) {
        store(event);
    }

    private void store(ContractEvent event) {
        jdbc.update("""
                insert into contract_version_view (contract_id, version, effective_from, effective_to, currency, definition)
                values (?, ?, ?, ?, ?, ?) on conflict (contract_id, version) do nothing""",
                event.contractId(), event.version(), Date.valueOf(event.definition().effectiveFrom()),
                event.definition().effectiveTo() == null ? null : Date.valueOf(event.definition().effectiveTo()),
                event.definition().currency(), json.writeValueAsString(event.definition()));
    }

    @ResetHandler
    void reset() {
        jdbc.execute("truncate contract_version_view");
    }
}
