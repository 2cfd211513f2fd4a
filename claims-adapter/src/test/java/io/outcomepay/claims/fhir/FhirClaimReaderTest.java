package io.outcomepay.claims.fhir;

import io.outcomepay.claims.intake.IntakeItem;
import io.outcomepay.claims.intake.NormalizedClaim;
import io.outcomepay.claims.intake.Pseudonymizer;
import io.outcomepay.claims.intake.Rejection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class FhirClaimReaderTest {

    static final Path SAMPLES = Path.of("../../shared/data/claims");
    private static final Pseudonymizer PSEUDONYMS = new Pseudonymizer(new byte[32]);

    private static List<IntakeItem> read(Path file) {
        List<IntakeItem> items = new ArrayList<>();
        try (FhirClaimReader reader = FhirClaimReader.open(file, Set.of("695", "193")::contains, PSEUDONYMS)) {
            reader.forEachRemaining(items::add);
        }
        return items;
    }

    @Test
    void readsTheBlueButtonInpatientEobWithItsDrg() {
        List<IntakeItem> items = read(SAMPLES.resolve("fhir-r4-eob-bfd-inpatient-drg695.json"));

        NormalizedClaim.Original eob = (NormalizedClaim.Original) items.get(0);
        assertThat(items).hasSize(1);
        assertThat(eob.claim().claimId()).isEqualTo("333333222222");
        assertThat(eob.claim().hospitalId()).isEqualTo("0000000000");
        assertThat(eob.claim().drg()).isEqualTo("695");
        assertThat(eob.claim().principalDx()).isEqualTo("A40");
        assertThat(eob.claim().admitDate()).isEqualTo(LocalDate.of(2016, 1, 15));
        assertThat(eob.claim().dischargeDate()).isEqualTo(LocalDate.of(2016, 1, 27));
        assertThat(eob.claim().billedAmount()).isEqualByComparingTo("84999.37");
        assertThat(eob.claim().allowedAmount()).as("no eligible total: the charge").isEqualByComparingTo("84999.37");
        assertThat(eob.claim().paidAmount()).isEqualByComparingTo("7699.48");
        assertThat(eob.claim().patientPseudonym()).isEqualTo(PSEUDONYMS.pseudonym("Patient/567834"));
    }

    @Test
    void rejectsTheFissClaimWhoseDrgIsNotAMsDrg() {
        List<IntakeItem> items = read(SAMPLES.resolve("fhir-r4-claim-bfd-fiss-institutional.json"));

        assertThat(items).singleElement().isInstanceOf(Rejection.class);
        assertThat(((Rejection) items.get(0)).field()).isEqualTo("supportingInfo.drg");
        assertThat(((Rejection) items.get(0)).reason()).isEqualTo("unknown DRG 'drgc'");
    }

    @Test
    void readsNdjsonOneResourcePerLineWithReplacementsAndCancellations(@TempDir Path dir) throws Exception {
        String base = """
                {"resourceType":"ExplanationOfBenefit","id":"%s","status":"%s",
                "identifier":[{"type":{"coding":[{"code":"uc"}]},"value":"%s"}],
                "provider":{"identifier":{"system":"http://hl7.org/fhir/sid/us-npi","value":"1234567893"}},
                "patient":{"reference":"Patient/P-RAW-9"},"billablePeriod":{"start":"2026-01-02","end":"2026-01-06"},
                "supportingInfo":[{"sequence":1,"category":{"coding":[{"code":"drg"}]},"code":{"coding":[{"code":"193"}]}}],
                %s"total":[{"category":{"coding":[{"code":"submitted"}]},"amount":{"value":12000.00,"currency":"USD"}},
                {"category":{"coding":[{"code":"eligible"}]},"amount":{"value":8000.00,"currency":"USD"}}]}"""
                .replace("\n", "");
        String related = "\"related\":[{\"relationship\":{\"coding\":[{\"code\":\"prior\"}]},"
                + "\"claim\":{\"identifier\":{\"value\":\"E1\"}}}],";
        Path file = Files.writeString(dir.resolve("eobs.ndjson"), String.join("\n",
                base.formatted("a", "active", "E1", "\"insurer\":{\"reference\":\"Organization/INS-9\"},"),
                base.formatted("b", "active", "E1R", related + "\"insurer\":{\"identifier\":{\"value\":\"INS-8\"}},"),
                "{\"resourceType\":\"ExplanationOfBenefit\",\"status\":\"bogus\"}",
                base.formatted("c", "cancelled", "E2", "")) + "\n");

        List<IntakeItem> items = read(file);

        assertThat(items).hasSize(4);
        NormalizedClaim.Original first = (NormalizedClaim.Original) items.get(0);
        assertThat(first.claim().allowedAmount()).isEqualByComparingTo("8000.00");
        assertThat(first.source().record()).isEqualTo(1);
        assertThat(((NormalizedClaim.Replacement) items.get(1)).originalClaimId()).isEqualTo("E1");
        // the payer: ExplanationOfBenefit.insurer by the id its reference ends with, or its identifier
        assertThat(first.claim().payerId()).isEqualTo("INS-9");
        assertThat(((NormalizedClaim.Replacement) items.get(1)).claim().payerId()).isEqualTo("INS-8");
        Rejection bad = (Rejection) items.get(2);
        assertThat(bad.line()).isEqualTo(3);
        assertThat(bad.rawRecord()).doesNotContain("P-RAW");
        NormalizedClaim.Void cancelled = (NormalizedClaim.Void) items.get(3);
        assertThat(cancelled.originalClaimId()).isEqualTo("E2");
    }

    @Test
    void anNdjsonLineOverTheBoundIsRejectedUnreadAndTheNextLinesAreRead(@TempDir Path dir) throws Exception {
        String eob = """
                {"resourceType":"ExplanationOfBenefit","id":"%s","status":"active",\
                "identifier":[{"type":{"coding":[{"code":"uc"}]},"value":"%s"}],\
                "provider":{"identifier":{"system":"http://hl7.org/fhir/sid/us-npi","value":"1234567893"}},\
                "patient":{"reference":"Patient/P-RAW-9"},"billablePeriod":{"start":"2026-01-02","end":"2026-01-06"},\
                "supportingInfo":[{"sequence":1,"category":{"coding":[{"code":"drg"}]},"code":{"coding":[{"code":"193"}]}}],\
                "total":[{"category":{"coding":[{"code":"submitted"}]},"amount":{"value":12000.00,"currency":"USD"}}]}""";
        String huge = eob.formatted("b", "B" + "x".repeat(io.outcomepay.billing.limits.Limits.MAX_FHIR_DOCUMENT_CHARS));
        Path file = Files.writeString(dir.resolve("huge.ndjson"), eob.formatted("a", "A1") + "\n" + huge + "\n"
                + eob.formatted("c", "C1") + "\n");

        List<IntakeItem> items = read(file);

        assertThat(items).hasSize(3);
        assertThat(((NormalizedClaim.Original) items.get(0)).claim().claimId()).isEqualTo("A1");
        assertThat(((Rejection) items.get(1)).line()).isEqualTo(2);
        assertThat(((Rejection) items.get(1)).reason()).startsWith("is longer than 33554432 characters");
        assertThat(((NormalizedClaim.Original) items.get(2)).source().record()).isEqualTo(3);
    }
}
