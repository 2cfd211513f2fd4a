package io.outcomepay.analytics.catchup;

import org.springframework.jdbc.core.JdbcTemplate;

/** How many events the event store holds: what a run appended is the difference before and after it. */
public class StoredEvents {

    private final JdbcTemplate jdbc;

    public StoredEvents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public long count() {
        Long n = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
        return n == null ? 0 : n;
    }
}
