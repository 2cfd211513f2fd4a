package io.outcomepay.app.kafka;

import io.outcomepay.app.demo.DemoInstitutionalClaims;
import io.outcomepay.app.support.UseCases;
import io.outcomepay.app.support.ClaimsFile;
import io.outcomepay.app.support.IntegrationTest;
import io.outcomepay.claims.intake.IngestingClaims;
import io.outcomepay.claims.kafka.PublishingClaimFiles;
import org.apache.kafka.clients.producer.Producer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Claims of every format and path, good and bad: no raw patient id is anywhere in the database. */
class PseudonymizationScanTest extends IntegrationTest {

    static final String RAW = "MRN-RAW-RS-";

    @Autowired
    UseCases operations;
    @Autowired
    KafkaClients kafka;
    @Autowired
    KafkaIntakeService intake;
    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path dir;

    @Test
    void noFormatOrPathStoresARawPatientId() throws Exception {
        Path csv = ClaimsFile.claims().row("RS-C1", "HRS", "193", "8000.00")
                .row("RS-C2", "HRS", "193", "8000.00", "currency=??")
                .row("RS-C3R", "HRS", "193", "8000.00", "claim_frequency=replacement", "original_claim_id=RS-NONE")
                .writeTo(dir, "rs.csv");
        operations.ingestCsv(csv, IngestingClaims.Listener.silent());

        Path forX12 = ClaimsFile.claims().row("RS-X1", "1999999992", "193", "8000.00")
                .row("RS-X2", "1999999992", "193", "8000.00", "discharge_date=2026-01-01")
                .writeTo(dir, "rs-x.csv");
        Path x12 = dir.resolve("rs.837");
        DemoInstitutionalClaims.write(forX12, x12, 5000);
        operations.ingestCsv(x12, IngestingClaims.Listener.silent());

        String eob = Files.readString(Path.of("../../shared/data/claims/fhir-r4-eob-bfd-inpatient-drg695.json"))
                .replace("Patient/567834", "Patient/" + RAW + "F1").replace("\"333333222222\"", "\"RS-F1\"");
        operations.ingestCsv(Files.writeString(dir.resolve("rs-eob.json"), eob), IngestingClaims.Listener.silent());
        Path unparseable = Files.writeString(dir.resolve("rs-bad.ndjson"),
                "{\"resourceType\":\"ExplanationOfBenefit\",\"patient\":{\"reference\":\"Patient/" + RAW + "F2\"},\"total\":[}\n");
        operations.ingestCsv(unparseable, IngestingClaims.Listener.silent());

        Path viaKafka = ClaimsFile.claims().row("RS-K1", "HRS", "193", "8000.00")
                .row("RS-K2", "HRS", "193", "-1.00").writeTo(dir, "rs-k.csv");
        try (Producer<String, byte[]> producer = kafka.producer()) {
            new PublishingClaimFiles(producer, 1).publish(viaKafka, n -> {
            });
        }
        intake.drain(Duration.ofMinutes(1), IngestingClaims.Listener.silent());

        // What landed and what was refused, in every format: the scan below covers them all.
        assertThat(jdbc.queryForList("select source_file from claim_dead_letter where source_file like 'rs%' "
                + "order by source_file", String.class))
                .containsExactly("rs-bad.ndjson", "rs-k.csv", "rs.837", "rs.csv", "rs.csv");
        assertThat(jdbc.queryForObject("select count(*) from encounter_view where original_claim_id in "
                + "('RS-C1', 'RS-X1', 'RS-F1', 'RS-K1')", Long.class)).isEqualTo(4);
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where convert_from(payload, 'UTF8') like ? "
                + "or convert_from(meta_data, 'UTF8') like ?", Long.class, "%" + RAW + "%", "%" + RAW + "%")).isZero();
        List<String> tables = jdbc.queryForList("select table_name from information_schema.tables where table_schema = "
                + "'public' and table_type = 'BASE TABLE' and table_name <> 'domain_event_entry'", String.class);
        assertThat(tables).contains("claim_dead_letter", "encounter_view");
        for (String table : tables) {
            assertThat(jdbc.queryForObject("select count(*) from " + table + " t where t::text like ?", Long.class,
                    "%" + RAW + "%")).as(table).isZero();
        }
    }
}
