package io.outcomepay.analytics.facts;

import io.outcomepay.analytics.catchup.ReadModelCatchUp;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/** The encounter facts of a contract month summed per hospital and DRG/DIP group (view encounter_group_totals). */
public class GroupTotals {

    private final JdbcTemplate jdbc;
    private final ReadModelCatchUp catchUp;

    public GroupTotals(JdbcTemplate jdbc, ReadModelCatchUp catchUp) {
        this.jdbc = jdbc;
        this.catchUp = catchUp;
    }

    /**
     * One hospital's group in the month. Counts: encounters not voided or denied, of which AI-assisted;
     * included, excluded (eligible but left out), not eligible. Amounts over the included ones.
     *
     * @param weight the group's case-mix weight (DRG relative weight, DIP score), null when not in the table
     */
    public record Group(String hospitalId, String group, long encounters, long aiAssisted, long included, long excluded,
                        long notEligible, BigDecimal weight, BigDecimal baselineTotal, BigDecimal actualTotal,
                        BigDecimal savings) {
    }

    /** @param hospitalId null for every hospital of the contract */
    public List<Group> of(String contractId, YearMonth period, String hospitalId) {
        catchUp.await();
        List<Object> args = new ArrayList<>(List.of(contractId, period.toString()));
        if (hospitalId != null) {
            args.add(hospitalId);
        }
        return jdbc.query("""
                        select hospital_id, group_code, encounters, ai_assisted, included, excluded, not_eligible, weight,
                               baseline_total, actual_total, savings
                        from encounter_group_totals where contract_id = ? and period = ?"""
                        + (hospitalId != null ? " and hospital_id = ?" : "") + " order by hospital_id, group_code",
                (rs, i) -> new Group(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                        rs.getLong(6), rs.getLong(7), rs.getBigDecimal(8), rs.getBigDecimal(9), rs.getBigDecimal(10),
                        rs.getBigDecimal(11)),
                args.toArray());
    }
}
