package io.outcomepay.analytics.facts;

import io.outcomepay.analytics.copy.CopyRows;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Statement;
import java.util.List;

/** Writes encounter facts: one COPY, or through a staging table and an upsert when rows may be there. */
final class EncounterFactWriter {

    private static final String UPSERT = "insert into encounter_fact (" + String.join(", ", EncounterFacts.COLUMNS) + ") select "
            + String.join(", ", EncounterFacts.COLUMNS) + " from encounter_fact_stage on conflict (encounter_id, contract_id) do update set "
            + String.join(", ", EncounterFacts.COLUMNS.subList(2, EncounterFacts.COLUMNS.size()).stream().map(c -> c + " = excluded." + c).toList());

    private final JdbcTemplate jdbc;

    EncounterFactWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** @param newEncounters encounters first recorded in this batch (else their old facts were deleted) */
    void insert(List<EncounterFacts.Encounter> encounters, ContractMonths.Snapshot contracts, boolean newEncounters) {
        CopyRows rows = EncounterFacts.rows(encounters, contracts);
        if (rows.size() == 0) {
            return;
        }
        // COPY, far cheaper than binding every row. A new encounter has no facts unless a contract
        // rebuild read it ahead: then the COPY meets its key and the rows go through an upsert.
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            if (newEncounters && rows.copyInto(connection, "encounter_fact", EncounterFacts.COLUMNS)) {
                return null;
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("create temp table if not exists encounter_fact_stage "
                        + "(like encounter_fact including defaults) on commit delete rows");
                rows.copyInto(connection, "encounter_fact_stage", EncounterFacts.COLUMNS);
                statement.executeUpdate(UPSERT);
                statement.execute("truncate encounter_fact_stage");
            }
            return null;
        });
    }
}
