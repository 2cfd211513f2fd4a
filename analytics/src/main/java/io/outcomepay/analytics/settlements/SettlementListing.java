package io.outcomepay.analytics.settlements;

import io.outcomepay.analytics.catchup.ReadModelCatchUp;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/** The latest revision of each settled contract month, filtered by contract and a range of months. */
public class SettlementListing {

    private final JdbcTemplate jdbc;
    private final ReadModelCatchUp catchUp;

    public SettlementListing(JdbcTemplate jdbc, ReadModelCatchUp catchUp) {
        this.jdbc = jdbc;
        this.catchUp = catchUp;
    }

    public record Settlement(String contractId, String period, int revision, String fingerprint, String currency,
                             int encounters, int excluded, BigDecimal baselineTotal, BigDecimal actualTotal,
                             BigDecimal savings, BigDecimal savingsRate, BigDecimal pool, BigDecimal insurer,
                             BigDecimal hospital, BigDecimal vendor) {
    }

    /** @param contractId null for every contract; from and to null for every month */
    public List<Settlement> latest(String contractId, YearMonth from, YearMonth to) {
        if (from != null && to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("to: " + to + " is before from " + from);
        }
        catchUp.await();
        List<String> where = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        if (contractId != null) {
            where.add("contract_id = ?");
            args.add(contractId);
        }
        if (from != null) {
            where.add("period >= ?");
            args.add(from.toString());
        }
        if (to != null) {
            where.add("period <= ?");
            args.add(to.toString());
        }
        return jdbc.query("""
                select distinct on (contract_id, period) contract_id, period, revision, fingerprint, currency, encounters,
                       excluded, baseline_total, actual_total, savings, savings_rate, pool, insurer, hospital, vendor
                from settlement_view""" + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
                        + " order by contract_id, period, revision desc",
                (rs, i) -> new Settlement(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5),
                        rs.getInt(6), rs.getInt(7), rs.getBigDecimal(8), rs.getBigDecimal(9), rs.getBigDecimal(10),
                        rs.getBigDecimal(11), rs.getBigDecimal(12), rs.getBigDecimal(13), rs.getBigDecimal(14),
                        rs.getBigDecimal(15)),
                args.toArray());
    }
}
