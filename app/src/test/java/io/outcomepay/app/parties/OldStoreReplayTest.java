package io.outcomepay.app.parties;

import io.outcomepay.analytics.catchup.ReadModelCatchUp;
import io.outcomepay.analytics.rebuild.VerifyingReadModels;
import io.outcomepay.app.OutcomePayRuntime;
import io.outcomepay.app.support.TestDatabase;
import io.outcomepay.billing.period.application.SettlingPeriod;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.YearMonth;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The events an earlier release stored (before claims named their payer and encounters their
 * vendor; src/test/resources/fixtures/demo-store-533b0b2.csv) replay, through the upcasters, into
 * read models that agree with them and into the same fingerprints: no new rule applies to them.
 */
class OldStoreReplayTest {

    private static final String JANUARY = "910dc82f1b76f14c696045a5edffa7263a49eae7785d8478357e1e2bff17f45b";
    private static final String FEBRUARY = "c8d1d92aaf50a22de1f2d052345a6c971c85d251acf47f0ed1f778094d449808";

    @Test
    void theStoredEventsOfAnEarlierReleaseReplayIntoTheSameFingerprints(@TempDir Path home) throws Exception {
        String url = TestDatabase.createDatabase("old_store");
        Flyway.configure().dataSource(url, "postgres", "").locations("classpath:db/migration").load().migrate();
        try (Connection c = DriverManager.getConnection(url, "postgres", "");
             Reader rows = new InputStreamReader(OldStoreReplayTest.class.getResourceAsStream(
                     "/fixtures/demo-store-533b0b2.csv"), StandardCharsets.UTF_8)) {
            c.createStatement().execute("""
                    create temporary table old_event (n bigserial, event_identifier text, aggregate_identifier text,
                        sequence_number bigint, type text, time_stamp text, payload_type text, payload_revision text,
                        payload text, meta_data text)""");
            long copied = c.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("copy old_event (event_identifier, aggregate_identifier, sequence_number, type, time_stamp,"
                            + " payload_type, payload_revision, payload, meta_data) from stdin with (format csv, header true)",
                            rows);
            assertThat(copied).isEqualTo(522);
            c.createStatement().execute("""
                    insert into domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                        time_stamp, payload_type, payload_revision, payload, meta_data)
                    select event_identifier, aggregate_identifier, sequence_number, type, time_stamp, payload_type,
                           payload_revision, convert_to(payload, 'UTF8'), convert_to(meta_data, 'UTF8')
                    from old_event order by n""");
        }
        System.setProperty("spring.datasource.url", url);
        System.setProperty("spring.datasource.username", "postgres");
        System.setProperty("outcomepay.home", home.toString());
        try (OutcomePayRuntime runtime = OutcomePayRuntime.start(false, Map.of())) {
            runtime.bean(ReadModelCatchUp.class).await();
            JdbcTemplate jdbc = runtime.bean(JdbcTemplate.class);

            // the stored revisions project as they were recorded
            assertThat(jdbc.queryForList("""
                    select period || ' ' || fingerprint from settlement_view where contract_id = 'C-2026-001'
                    order by period""", String.class))
                    .containsExactly("2026-01 " + JANUARY, "2026-02 " + FEBRUARY);
            // every read model agrees with the events, upcast on the way (amounts and rates keep their scale)
            assertThat(jdbc.queryForObject("""
                    select definition::jsonb #>> '{terms,outliers,low}' from contract_version_view
                    where contract_id = 'C-2026-001'""", String.class)).isEqualTo("0.40");
            assertThat(runtime.bean(VerifyingReadModels.class).verify(n -> { }).differences()).isEmpty();
            // February settled again now, by both paths: the same fingerprint (no payer, no vendor named)
            SettlingPeriod settling = runtime.bean(SettlingPeriod.class);
            assertThat(settling.calculate("C-2026-001", YearMonth.of(2026, 2), null,
                    SettlingPeriod.Pricing.SET_BASED).fingerprint()).isEqualTo(FEBRUARY);
            assertThat(settling.calculate("C-2026-001", YearMonth.of(2026, 2), null,
                    SettlingPeriod.Pricing.IN_MEMORY).fingerprint()).isEqualTo(FEBRUARY);
            // the stored claims read as revision 2: no payer
            assertThat(jdbc.queryForObject("select count(*) from encounter_view where payer_id is not null",
                    Integer.class)).isZero();
            assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where payload_revision is not null",
                    Integer.class)).isZero();
        } finally {
            System.clearProperty("spring.datasource.url");
            System.clearProperty("spring.datasource.username");
            System.clearProperty("outcomepay.home");
        }
    }
}
