package io.outcomepay.app.intake;

import io.outcomepay.app.support.UseCases;
import io.outcomepay.app.support.ClaimsFile;
import io.outcomepay.app.support.IntegrationTest;
import io.outcomepay.claims.intake.DeadLetter;
import io.outcomepay.claims.intake.DeadLetters;
import io.outcomepay.claims.intake.IngestReport;
import io.outcomepay.claims.intake.IngestingClaims;
import io.outcomepay.claims.intake.Rejection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class IngestingClaimsTest extends IntegrationTest {

    @Autowired
    UseCases operations;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DeadLetters deadLetters;
    @TempDir
    Path dir;

    private final List<Rejection> printed = new ArrayList<>();
    private final IngestingClaims.Listener listener = new IngestingClaims.Listener() {
        @Override
        public void rejected(Rejection rejection) {
            printed.add(rejection);
        }

        @Override
        public void progress(long records, long bytesRead, long totalBytes) {
        }
    };

    private long eventsOf(String hospitalPrefix) {
        return jdbc.queryForObject("select count(*) from domain_event_entry e join encounter_view v "
                + "on v.encounter_id = e.aggregate_identifier where v.hospital_id like ?", Long.class, hospitalPrefix + "%");
    }

    @Test
    void ingestingTheSameFileTwiceRecordsEachClaimOnce() {
        Path file = ClaimsFile.claims()
                .row("C1", "IT1-H1", "193", "8000.00")
                .row("C2", "IT1-H1", "470", "11000.00")
                .row("C3", "IT1-H2", "871", "12000.00")
                .row("C4", "IT1-H2", "871", "12500.00")
                .row("C5", "IT1-H2", "193", "9000.00")
                .writeTo(dir, "twice.csv");

        IngestReport first = operations.ingestCsv(file, listener);
        IngestReport second = operations.ingestCsv(file, listener);

        assertThat(first).isEqualTo(new IngestReport("twice.csv", 5, 5, 0, 0, 0, 0, 0));
        assertThat(second).isEqualTo(new IngestReport("twice.csv", 5, 0, 5, 0, 0, 0, 0));
        assertThat(eventsOf("IT1-")).isEqualTo(5);
    }

    @Test
    void theSameClaimIdWithOtherContentIsAConflictNotAnOverwrite() {
        operations.ingestCsv(ClaimsFile.claims().row("C1", "IT2-H1", "193", "8000.00").writeTo(dir, "first.csv"), listener);

        IngestReport report = operations.ingestCsv(ClaimsFile.claims()
                .row("C1", "IT2-H1", "193", "8000.01").writeTo(dir, "second.csv"), listener);

        assertThat(report.recorded()).isZero();
        assertThat(report.rejected()).isEqualTo(1);
        assertThat(report.conflicts()).isEqualTo(1);
        assertThat(jdbc.queryForObject("select allowed_amount from encounter_view where hospital_id = 'IT2-H1'",
                java.math.BigDecimal.class)).isEqualByComparingTo("8000.00");
        assertThat(deadLetters.list("second.csv", 10)).extracting(DeadLetter::line, DeadLetter::field)
                .containsExactly(tuple(2L, "claim_id"));
        assertThat(printed).extracting(Rejection::reason).containsExactly(
                "conflict: claim C1 of IT2-H1 was already recorded with other content; send a replacement to change it");
    }

    @Test
    void badRecordsGoToTheDeadLetterStoreNamingLineAndFieldWhileGoodRecordsLand() {
        Path file = ClaimsFile.claims()
                .row("G1", "IT3-H1", "193", "8000.00")
                .row("B1", "IT3-H1", "193", "8000.00", "admit_date=2026-02-30")
                .row("B2", "IT3-H1", "193", "8000.00", "discharge_date=2026-01-09")
                .row("B3", "IT3-H1", "193", "-1.00")
                .row("B4", "IT3-H1", "193", "8000.00", "paid_amount=seven")
                .row("B5", "IT3-H1", "000", "8000.00")
                .row("G2", "IT3-UNKNOWN-HOSPITAL", "193", "8000.00")
                .row("B6", "IT3-H1", "193", "8000.00", "currency=XYZ")
                .row("B7", "IT3-H1", "193", "8000.001")
                .row("B8", "IT3-H1", "193", "8000.00", "claim_frequency=replacement")
                .row("B9", "IT3-H1", "193", "8000.00", "claim_frequency=void", "original_claim_id=NEVER")
                .row("G3", "IT3-H1", "999", "5000.00", "ai_assisted=false", "ai_service=")
                .writeTo(dir, "mixed.csv");

        IngestReport report = operations.ingestCsv(file, listener);

        assertThat(report.read()).isEqualTo(12);
        assertThat(report.recorded()).isEqualTo(3);
        assertThat(report.rejected()).isEqualTo(9);
        assertThat(deadLetters.list("mixed.csv", 100))
                .extracting(DeadLetter::file, DeadLetter::line, DeadLetter::field, DeadLetter::reason)
                .containsExactly(
                        tuple("mixed.csv", 3L, "admit_date", "'2026-02-30' is not a date YYYY-MM-DD"),
                        tuple("mixed.csv", 4L, "discharge_date", "discharge 2026-01-09 is before admission 2026-01-10"),
                        tuple("mixed.csv", 5L, "allowed_amount", "is negative: -1.00"),
                        tuple("mixed.csv", 6L, "paid_amount", "'seven' is not a decimal number like 1234.56"),
                        tuple("mixed.csv", 7L, "drg", "unknown DRG '000'"),
                        tuple("mixed.csv", 9L, "currency", "'XYZ' is not an ISO 4217 currency code"),
                        tuple("mixed.csv", 10L, "allowed_amount", "'8000.001' has more than 2 decimals for USD"),
                        tuple("mixed.csv", 11L, "original_claim_id", "is required for a replacement claim"),
                        tuple("mixed.csv", 12L, "original_claim_id", "no encounter was recorded for original claim NEVER"));
        assertThat(printed).hasSize(9);
        assertThat(jdbc.queryForList("select current_claim_id from encounter_view where hospital_id like 'IT3-%' "
                + "order by current_claim_id", String.class)).containsExactly("G1", "G2", "G3");
    }

    @Test
    void claimsAreDecidedInFileOrderEvenWithinOneBatch() {
        Path file = ClaimsFile.claims()
                .row("V1V", "IT9-H1", "193", "8000.00", "claim_frequency=void", "original_claim_id=V1")
                .row("V1", "IT9-H1", "193", "8000.00")
                .row("V1", "IT9-H1", "193", "8000.00")
                .row("V1R", "IT9-H1", "193", "7000.00", "claim_frequency=replacement", "original_claim_id=V1")
                .row("V1", "IT9-H1", "193", "9000.00")
                .row("V2", "IT9-H1", "193", "8000.00")
                .row("V2V", "IT9-H1", "193", "8000.00", "claim_frequency=void", "original_claim_id=V2")
                .row("V2R", "IT9-H1", "193", "7000.00", "claim_frequency=replacement", "original_claim_id=V2")
                .writeTo(dir, "order-in-batch.csv");

        IngestReport report = operations.ingestCsv(file, listener);

        assertThat(report).isEqualTo(new IngestReport("order-in-batch.csv", 8, 2, 1, 1, 1, 3, 1));
        assertThat(deadLetters.list("order-in-batch.csv", 10)).extracting(DeadLetter::line, DeadLetter::field)
                .containsExactly(tuple(2L, "original_claim_id"), tuple(6L, "claim_id"), tuple(9L, "original_claim_id"));
        assertThat(jdbc.queryForList("select current_claim_id || ':' || allowed_amount || ':' || voided "
                + "from encounter_view where hospital_id = 'IT9-H1' order by 1", String.class))
                .containsExactly("V1R:7000.00:false", "V2:8000.00:true");
    }

    @Test
    void ingestsAFhirExplanationOfBenefitOnceWithoutItsRawPatientId() {
        Path eob = Path.of("../../shared/data/claims/fhir-r4-eob-bfd-inpatient-drg695.json");

        IngestReport first = operations.ingestCsv(eob, listener);
        IngestReport again = operations.ingestCsv(eob, listener);

        assertThat(first.recorded()).isEqualTo(1);
        assertThat(again.duplicate()).isEqualTo(1);
        assertThat(jdbc.queryForObject("select drg from encounter_view where hospital_id = '0000000000' "
                + "and current_claim_id = '333333222222'", String.class)).isEqualTo("695");
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry "
                + "where convert_from(payload, 'UTF8') like '%Patient/567834%'", Long.class)).isZero();
    }

    @Test
    void aHeaderWithoutARequiredColumnRejectsEveryRecordNamingTheColumn() {
        List<String> columns = new ArrayList<>(ClaimsFile.COLUMNS);
        columns.remove("allowed_amount");
        Path file = ClaimsFile.withColumns(columns)
                .row("M1", "IT4-H1", "193", "8000.00")
                .row("M2", "IT4-H1", "193", "8000.00")
                .writeTo(dir, "missing-column.csv");

        IngestReport report = operations.ingestCsv(file, listener);

        assertThat(report.rejected()).isEqualTo(2);
        assertThat(report.recorded()).isZero();
        assertThat(deadLetters.list("missing-column.csv", 10)).extracting(DeadLetter::line, DeadLetter::field, DeadLetter::reason)
                .containsExactly(tuple(2L, "allowed_amount", "column missing from the header"),
                        tuple(3L, "allowed_amount", "column missing from the header"));
    }

    @Test
    void columnsAreFoundByNameInAnyOrderExtraColumnsAreIgnoredAndCurrencyCaseDoesNotMatter() {
        List<String> columns = new ArrayList<>(ClaimsFile.COLUMNS);
        java.util.Collections.reverse(columns);
        columns.add(3, "ward");
        Path file = ClaimsFile.withColumns(columns).row("O1", "IT5-H1", "193", "8000.00", "ward=4B", "currency=usd").writeTo(dir, "order.csv");

        assertThat(operations.ingestCsv(file, listener).recorded()).isEqualTo(1);
    }

    @Test
    void deadLettersOfTheSameFileAreKeptOnceWhenTheFileIsSentAgain() {
        Path file = ClaimsFile.claims().row("D1", "IT6-H1", "193", "8000.00", "currency=US$").writeTo(dir, "again.csv");

        operations.ingestCsv(file, listener);
        operations.ingestCsv(file, listener);

        assertThat(deadLetters.list("again.csv", 10)).hasSize(1);
        assertThat(printed).hasSize(2);
    }

    @Test
    void rawPatientIdsNeverReachTheDatabase() {
        Path file = ClaimsFile.claims()
                .row("P1", "IT7-H1", "193", "8000.00")
                .row("P2", "IT7-H1", "193", "8000.00", "currency=??")
                .writeTo(dir, "patients.csv");

        operations.ingestCsv(file, listener);

        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry "
                + "where convert_from(payload, 'UTF8') like '%MRN-RAW%' or convert_from(meta_data, 'UTF8') like '%MRN-RAW%'",
                Long.class)).isZero();
        for (String table : jdbc.queryForList("select table_name from information_schema.tables "
                + "where table_schema = 'public' and table_name not in ('domain_event_entry', 'snapshot_event_entry', "
                + "'token_entry')", String.class)) {
            assertThat(jdbc.queryForList("select t::text from " + table + " t where t::text like '%MRN-RAW%'",
                    String.class)).as(table).isEmpty();
        }
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where convert_from(payload, 'UTF8') like ?",
                Long.class, "%" + pseudonymOf("MRN-RAW-P1") + "%")).isEqualTo(1);
        assertThat(deadLetters.list("patients.csv", 10).get(0).rawRecord()).contains("pseudonym:" + pseudonymOf("MRN-RAW-P2"));
    }

    @Autowired
    io.outcomepay.claims.intake.Pseudonymizer pseudonymizer;

    private String pseudonymOf(String raw) {
        return pseudonymizer.pseudonym(raw);
    }

    @Test
    void aQuoteTheFileNeverClosesRejectsTheRestOfTheFileNamingItsLineAndKeepsWhatLandedBefore() {
        Path file = dir.resolve("broken.csv");
        try {
            java.nio.file.Files.writeString(file, String.join(",", ClaimsFile.COLUMNS) + "\n"
                    + "K1,IT8-H1,MRN-RAW-K1,2026-01-10,2026-01-15,193,J18.9,30000.00,8000.00,7000.00,USD,x,true,original,\n"
                    + "K2,IT8-H1,\"MRN-RAW-K2,2026-01-10\n");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }

        IngestReport report = operations.ingestCsv(file, listener);

        assertThat(report.recorded()).isEqualTo(1);
        assertThat(report.rejected()).isEqualTo(1);
        assertThat(deadLetters.list("broken.csv", 10)).extracting(DeadLetter::line, DeadLetter::field)
                .containsExactly(tuple(3L, "record"));
        assertThat(jdbc.queryForList("select current_claim_id from encounter_view where hospital_id = 'IT8-H1'",
                String.class)).containsExactly("K1");
    }
}
