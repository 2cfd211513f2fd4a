package io.outcomepay.app.limits;

import io.outcomepay.analytics.facts.FactState;
import io.outcomepay.app.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** The schema's uses of encounter_fact.state (its check, the group totals view) have FactState's codes. */
class FactStateTest extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theTableAcceptsExactlyTheStatesCodesAndTheGroupTotalsViewCountsThemAsTheEnumDoes() {
        String check = jdbc.queryForObject("select pg_get_constraintdef(oid) from pg_constraint "
                + "where conname = 'ck_encounter_fact_state'", String.class);
        String view = jdbc.queryForObject("select pg_get_viewdef('encounter_group_totals'::regclass)", String.class)
                .replaceAll("\\s+", " ").replaceAll("\\(encounter_fact\\.(state [=<] \\d)\\)", "$1");
        int[] codes = Arrays.stream(FactState.values()).mapToInt(FactState::code).toArray();

        assertThat(codes).containsExactly(0, 1, 2, 3);
        assertThat(check).isEqualTo("CHECK (((state >= 0) AND (state <= 3)))");
        assertThat(view).contains("count(*) FILTER (WHERE " + FactState.IN_THE_MONTH + ") AS encounters")
                .contains("count(*) FILTER (WHERE " + FactState.INCLUDED.sql() + ") AS included")
                .contains("count(*) FILTER (WHERE " + FactState.EXCLUDED.sql() + ") AS excluded")
                .contains("count(*) FILTER (WHERE " + FactState.NOT_ELIGIBLE.sql() + ") AS not_eligible");
    }
}
