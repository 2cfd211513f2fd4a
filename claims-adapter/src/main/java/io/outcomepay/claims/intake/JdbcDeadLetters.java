package io.outcomepay.claims.intake;

import io.outcomepay.billing.settlement.Fingerprint;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

/** Dead letters in PostgreSQL table claim_dead_letter, unique by (file, line, raw record, reason). */
public class JdbcDeadLetters implements DeadLetters {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public JdbcDeadLetters(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void store(List<Rejection> rejections) {
        if (rejections.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.batchUpdate("""
                insert into claim_dead_letter (source_file, line, field, reason, raw_record, raw_sha256, rejected_at)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (source_file, line, raw_sha256, reason) do nothing""", rejections, rejections.size(),
                (ps, r) -> {
                    ps.setString(1, r.file());
                    ps.setLong(2, r.line());
                    ps.setString(3, r.field());
                    ps.setString(4, r.reason());
                    ps.setString(5, r.rawRecord());
                    ps.setString(6, Fingerprint.sha256(r.rawRecord()));
                    ps.setTimestamp(7, now);
                });
    }

    @Override
    public List<Rejection> list(String sourceName, int limit) {
        String where = sourceName == null ? "" : " where source_file = ?";
        Object[] args = sourceName == null ? new Object[]{limit} : new Object[]{sourceName, limit};
        return jdbc.query("select source_file, line, field, reason, raw_record from claim_dead_letter" + where
                        + " order by source_file, line, id limit ?",
                (rs, i) -> new Rejection(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5)),
                args);
    }
}
