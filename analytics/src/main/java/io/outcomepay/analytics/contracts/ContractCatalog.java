package io.outcomepay.analytics.contracts;

import io.outcomepay.analytics.catchup.ReadModelCatchUp;
import io.outcomepay.billing.contract.api.ContractDefinition;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

/** Every version of every contract, for display. */
public class ContractCatalog {

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final ReadModelCatchUp catchUp;

    public ContractCatalog(JdbcTemplate jdbc, JsonMapper json, ReadModelCatchUp catchUp) {
        this.jdbc = jdbc;
        this.json = json;
        this.catchUp = catchUp;
    }

    public List<Version> versions(String contractId) {
        catchUp.await();
        return jdbc.query("select version, definition from contract_version_view where contract_id = ? order by version",
                (rs, i) -> new Version(rs.getInt(1), json.readValue(rs.getString(2), ContractDefinition.class)), contractId);
    }

    public List<String> contractIds() {
        catchUp.await();
        return jdbc.queryForList("select distinct contract_id from contract_version_view order by contract_id", String.class);
    }

    public record Version(int version, ContractDefinition definition) {
    }
}
