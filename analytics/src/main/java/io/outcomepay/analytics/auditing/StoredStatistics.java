package io.outcomepay.analytics.auditing;

import io.outcomepay.analytics.catchup.ReadModelCatchUp;
import io.outcomepay.analytics.statistics.PeriodStatistics;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * Table period_statistics: the auditor's statistics kept with the settlement revision they were
 * computed from (the revision whose fingerprint equals the settlement the statistics priced), for
 * each reference month, seed and resamples. Computing them again gives the same figures, so a
 * second store of the same key keeps the first row.
 */
public class StoredStatistics {

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final ReadModelCatchUp catchUp;
    private final Clock clock;

    public StoredStatistics(JdbcTemplate jdbc, JsonMapper json, ReadModelCatchUp catchUp, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.catchUp = catchUp;
        this.clock = clock;
    }

    /** Statistics as stored: the revision and fingerprint they belong to, how they were drawn. */
    public record Stored(String contractId, String period, int revision, String fingerprint, String referencePeriod,
                         long seed, int resamples, PeriodStatistics statistics) {
    }

    /**
     * Stores the statistics with the month's latest recorded revision when its fingerprint is the
     * one they were computed from; otherwise (not settled, or the data changed since) stores nothing.
     *
     * @return the revision they are stored with, if any
     */
    public Optional<Integer> store(PeriodStatistics statistics, String fingerprint, long seed, int resamples) {
        catchUp.await();
        String period = statistics.period().toString();
        List<Integer> latest = jdbc.query("""
                        select revision from settlement_view where contract_id = ? and period = ? and fingerprint = ?
                          and revision = (select max(revision) from settlement_view where contract_id = ? and period = ?)""",
                (rs, i) -> rs.getInt(1), statistics.contractId(), period, fingerprint, statistics.contractId(), period);
        if (latest.isEmpty()) {
            return Optional.empty();
        }
        jdbc.update("""
                        insert into period_statistics (contract_id, period, revision, reference_period, seed, resamples,
                            fingerprint, statistics, computed_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""",
                statistics.contractId(), period, latest.get(0), statistics.referencePeriod().toString(), seed, resamples,
                fingerprint, json.writeValueAsString(statistics), Timestamp.from(clock.instant()));
        return Optional.of(latest.get(0));
    }

    /** Every stored set of statistics of the month, latest revision first. */
    public List<Stored> of(String contractId, YearMonth period) {
        return jdbc.query("""
                        select contract_id, period, revision, fingerprint, reference_period, seed, resamples, statistics
                        from period_statistics where contract_id = ? and period = ?
                        order by revision desc, reference_period, seed, resamples""",
                (rs, i) -> new Stored(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5),
                        rs.getLong(6), rs.getInt(7), json.readValue(rs.getString(8), PeriodStatistics.class)),
                contractId, period.toString());
    }
}
