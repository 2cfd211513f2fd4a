package io.outcomepay.claims.intake;

import io.outcomepay.billing.settlement.Fingerprint;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Dead letters in PostgreSQL table claim_dead_letter, unique by (file, line, raw record, reason).
 * A replay never deletes a letter: it marks it replayed, or counts the attempt that was refused.
 */
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
                insert into claim_dead_letter (source_file, line, field, reason, raw_record, raw_sha256, rejected_at,
                    replay_format, replay_payload)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (source_file, line, raw_sha256, reason) do nothing""", rejections, rejections.size(),
                (ps, r) -> {
                    ps.setString(1, storable(r.file()));
                    ps.setLong(2, r.line());
                    ps.setString(3, storable(r.field()));
                    ps.setString(4, storable(r.reason()));
                    ps.setString(5, storable(r.rawRecord()));
                    ps.setString(6, Fingerprint.sha256(storable(r.rawRecord())));
                    ps.setTimestamp(7, now);
                    ps.setString(8, r.replayFormat());
                    ps.setString(9, storable(r.replayPayload()));
                });
    }

    /**
     * Text as PostgreSQL can store it: a NUL character (which a rejected record may well hold) is
     * kept as the six characters \u0000, so that the rejection is stored and shown, never lost.
     */
    static String storable(String text) {
        return text == null || text.indexOf('\u0000') < 0 ? text : text.replace("\u0000", "\\u0000");
    }

    @Override
    public List<DeadLetter> list(String sourceName, String status, int limit) {
        io.outcomepay.billing.limits.Counts.LIST_LIMIT.check("limit", limit);
        List<String> where = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        if (sourceName != null) {
            where.add("source_file = ?");
            args.add(sourceName);
        }
        if (status != null) {
            where.add("status = ?");
            args.add(status);
        }
        args.add(limit);
        return jdbc.query("""
                select id, status, source_file, line, field, reason, replay_format is not null, attempts,
                       last_attempt_reason, rejected_at, replayed_at, raw_record
                from claim_dead_letter""" + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
                        + " order by source_file, line, id limit ?",
                (rs, i) -> new DeadLetter(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5),
                        rs.getString(6), rs.getBoolean(7), rs.getInt(8), rs.getString(9), rs.getTimestamp(10).toInstant(),
                        rs.getTimestamp(11) == null ? null : rs.getTimestamp(11).toInstant(), rs.getString(12)),
                args.toArray());
    }

    @Override
    public List<Replayable> open(List<Long> ids) {
        String select = "select id, source_file, line, replay_format, replay_payload from claim_dead_letter where status = 'open'";
        if (ids.isEmpty()) {
            return jdbc.query(select + " order by id", (rs, i) -> replayable(rs));
        }
        return jdbc.query(select + " and id = any (?) order by id", (rs, i) -> replayable(rs),
                (Object) ids.toArray(Long[]::new));
    }

    private static Replayable replayable(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Replayable(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5));
    }

    @Override
    public void markReplayed(long id, String outcome) {
        jdbc.update("update claim_dead_letter set status = 'replayed', replayed_at = ?, replay_outcome = ?, "
                + "attempts = attempts + 1 where id = ? and status = 'open'", Timestamp.from(clock.instant()), outcome, id);
    }

    @Override
    public void markRefusedAgain(long id, String reason) {
        jdbc.update("update claim_dead_letter set attempts = attempts + 1, last_attempt_reason = ?, last_attempt_at = ? "
                + "where id = ?", reason, Timestamp.from(clock.instant()), id);
    }
}
