package io.outcomepay.app.intake;

import io.outcomepay.app.demo.DemoInstitutionalClaims;
import io.outcomepay.app.support.UseCases;
import io.outcomepay.app.support.ClaimsFile;
import io.outcomepay.app.support.IntegrationTest;
import io.outcomepay.claims.intake.IngestReport;
import io.outcomepay.claims.intake.IngestingClaims;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A claim recorded from one format is corrected from another and voided from a third: one encounter. */
class CorrectionsAcrossFormatsTest extends IntegrationTest {

    @Autowired
    UseCases operations;
    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path dir;

    @Test
    void aCsvClaimReplacedByAn837IAndVoidedByAFhirEobIsOneEncounterEndingVoided() throws Exception {
        IngestReport original = operations.ingestCsv(ClaimsFile.claims().row("XF-1", "1999999984", "193", "8000.00")
                .writeTo(dir, "xf.csv"), IngestingClaims.Listener.silent());
        Path replacementCsv = ClaimsFile.claims().row("XF-1R", "1999999984", "194", "9100.00",
                "billed_amount=9100.00", "claim_frequency=replacement", "original_claim_id=XF-1").writeTo(dir, "xf-r.csv");
        Path replacement837 = dir.resolve("xf-r.837");
        DemoInstitutionalClaims.write(replacementCsv, replacement837, 5000);
        IngestReport replaced = operations.ingestCsv(replacement837, IngestingClaims.Listener.silent());
        Map<String, Object> afterReplacement = encounter();
        Path cancelled = Files.writeString(dir.resolve("xf-void.json"), """
                {"resourceType": "ExplanationOfBenefit", "id": "xf-1", "status": "cancelled",
                 "identifier": [{"type": {"coding": [{"code": "uc"}]}, "value": "XF-1"}],
                 "provider": {"identifier": {"system": "http://hl7.org/fhir/sid/us-npi", "value": "1999999984"}},
                 "patient": {"reference": "Patient/P-XF"}}""");
        IngestReport voided = operations.ingestCsv(cancelled, IngestingClaims.Listener.silent());
        IngestReport voidedAgain = operations.ingestCsv(cancelled, IngestingClaims.Listener.silent());

        assertThat(original.recorded()).isEqualTo(1);
        assertThat(replaced.corrected()).isEqualTo(1);
        assertThat(afterReplacement).containsEntry("current_claim_id", "XF-1R").containsEntry("drg", "194");
        assertThat(voided.voided()).isEqualTo(1);
        assertThat(voidedAgain.duplicate()).isEqualTo(1);
        assertThat(encounter()).containsEntry("current_claim_id", "XF-1R").containsEntry("voided", true);
        assertThat(jdbc.queryForObject("select count(*) from encounter_view where hospital_id = '1999999984'", Long.class))
                .isEqualTo(1);
    }

    private Map<String, Object> encounter() {
        return jdbc.queryForMap("""
                select current_claim_id, drg, voided from encounter_view
                where hospital_id = '1999999984' and original_claim_id = 'XF-1'""");
    }
}
