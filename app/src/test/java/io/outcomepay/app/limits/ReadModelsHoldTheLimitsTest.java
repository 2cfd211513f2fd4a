package io.outcomepay.app.limits;

import io.outcomepay.app.support.IntegrationTest;
import io.outcomepay.billing.limits.Limit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every read-model column that holds a value checked at the door is at least as wide as its limit
 * (docs/limits.md), so no accepted value can fail a projection.
 */
class ReadModelsHoldTheLimitsTest extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    private static final Map<String, Limit> COLUMNS = new TreeMap<>();

    static {
        column("encounter_view.encounter_id", Limit.ENCOUNTER_ID);
        column("encounter_view.hospital_id", Limit.HOSPITAL_ID);
        column("encounter_view.original_claim_id", Limit.CLAIM_ID);
        column("encounter_view.current_claim_id", Limit.CLAIM_ID);
        column("encounter_view.drg", Limit.DRG);
        column("encounter_view.dip_group", Limit.DIP_GROUP);
        column("encounter_view.currency", Limit.CURRENCY);
        column("encounter_view.ai_service", Limit.SERVICE_NAME);
        column("encounter_fact.contract_id", Limit.CONTRACT_ID);
        column("encounter_fact.hospital_id", Limit.HOSPITAL_ID);
        column("encounter_fact.baseline_table", Limit.BASELINE_TABLE_ID);
        column("encounter_fact.claim_id", Limit.CLAIM_ID);
        column("encounter_fact.drg", Limit.DRG);
        column("encounter_fact.dip_group", Limit.DIP_GROUP);
        column("encounter_fact.currency", Limit.CURRENCY);
        column("encounter_fact_month.contract_id", Limit.CONTRACT_ID);
        column("ai_usage_view.event_id", Limit.USAGE_EVENT_ID);
        column("ai_usage_view.encounter_id", Limit.ENCOUNTER_ID);
        column("ai_usage_view.hospital_id", Limit.HOSPITAL_ID);
        column("ai_usage_view.vendor", Limit.PARTY_ID);
        column("ai_usage_view.ai_service", Limit.SERVICE_NAME);
        column("ai_usage_view.model_version", Limit.MODEL_VERSION);
        column("ai_usage_view.kind", Limit.USAGE_KIND);
        column("contract_version_view.contract_id", Limit.CONTRACT_ID);
        column("contract_version_view.currency", Limit.CURRENCY);
        column("baseline_table_view.table_id", Limit.BASELINE_TABLE_ID);
        column("baseline_entry_view.table_id", Limit.BASELINE_TABLE_ID);
        column("baseline_entry_view.code", Limit.DIP_GROUP);
        column("settlement_view.contract_id", Limit.CONTRACT_ID);
        column("settlement_view.currency", Limit.CURRENCY);
        column("ledger_line.contract_id", Limit.CONTRACT_ID);
        column("ledger_line.party", Limit.PARTY_ID);
        column("ledger_line.currency", Limit.CURRENCY);
        column("invoice_view.issuer", Limit.PARTY_ID);
        column("invoice_view.billed_to", Limit.PARTY_ID);
        column("invoice_view.contract_id", Limit.CONTRACT_ID);
        column("payment_view.reference", Limit.PAYMENT_REFERENCE);
        column("payment_view.payer", Limit.PARTY_ID);
        column("payment_view.payee", Limit.PARTY_ID);
        column("payment_view.contract_id", Limit.CONTRACT_ID);
        column("payment_view.currency", Limit.CURRENCY);
        column("period_statistics.contract_id", Limit.CONTRACT_ID);
        column("claim_dead_letter.source_file", Limit.SOURCE_NAME);
    }

    private static void column(String tableDotColumn, Limit limit) {
        COLUMNS.put(tableDotColumn, limit);
    }

    @Test
    void everyReadModelColumnIsAtLeastAsWideAsTheLimitOfWhatItHolds() {
        Map<String, Integer> widths = new TreeMap<>();
        jdbc.query("""
                select table_name || '.' || column_name, data_type, character_maximum_length
                from information_schema.columns where table_schema = current_schema()""", rs -> {
            String type = rs.getString(2);
            widths.put(rs.getString(1), type.equals("text") ? Integer.MAX_VALUE : rs.getInt(3));
        });

        assertThat(widths).containsKeys(COLUMNS.keySet().toArray(String[]::new));
        COLUMNS.forEach((column, limit) -> assertThat(widths.get(column))
                .as("%s holds %s (at most %d characters)", column, limit, limit.maxLength())
                .isGreaterThanOrEqualTo(limit.maxLength()));
    }
}
