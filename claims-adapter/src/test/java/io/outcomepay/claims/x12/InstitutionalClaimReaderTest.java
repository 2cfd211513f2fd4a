package io.outcomepay.claims.x12;

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

class InstitutionalClaimReaderTest {

    private static final Pseudonymizer PSEUDONYMS = new Pseudonymizer(new byte[32]);

    private static List<IntakeItem> read(Path file) {
        List<IntakeItem> items = new ArrayList<>();
        try (InstitutionalClaimReader reader = InstitutionalClaimReader.open(file, Set.of("193", "470")::contains,
                PSEUDONYMS)) {
            reader.forEachRemaining(items::add);
        }
        return items;
    }

    @Test
    void rejectsTheImswebSampleWhoseStatementPeriodEndsBeforeItsAdmission() {
        List<IntakeItem> items = read(RemittanceReaderTest.SAMPLES.resolve("x12-837I-5010-imsweb-x223-test.txt"));

        assertThat(items).singleElement().isInstanceOf(Rejection.class);
        Rejection rejection = (Rejection) items.get(0);
        assertThat(rejection.field()).isEqualTo("DTP*434");
        assertThat(rejection.reason()).isEqualTo("statement period ends 2012-03-30, before admission 2015-03-30");
        assertThat(rejection.rawRecord()).startsWith("CLM*A37YH556*500");
    }

    @Test
    void readsOriginalsReplacementsAndVoidsWithTheirDrg(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("claims.837"),
                "ISA*00*          *00*          *ZZ*HOSPITAL       *ZZ*PAYER          *260201*1200*^*00501*000000001*0*T*:~"
                + "GS*HC*HOSPITAL*PAYER*20260201*1200*1*X*005010X223A2~ST*837*0001*005010X223A2~BHT*0019*00*1*20260201*1200*CH~"
                + "HL*1**20*1~NM1*85*2*GENERAL HOSPITAL*****XX*1234567893~"
                + "HL*2*1*22*0~SBR*P*18*******MA~NM1*IL*1*DOE*JANE****MI*MBI-RAW-1~NM1*PR*2*INSURER ONE*****PI*INS-1~"
                + "CLM*C1*12000.50***11:A:1**A*Y*Y~DTP*435*DT*202601021430~DTP*434*RD8*20260102-20260106~"
                + "HI*ABK:J189~HI*DR:193~"
                + "SBR*S*18*******CI~NM1*IL*1*DOE*JANE****MI*OTHER-PAYER-ID~NM1*PR*2*OTHER*****PI*INS-OTHER~"
                + "REF*F8*NOT-THE-CLAIMS~"
                + "LX*1~SV2*0120**12000.50*UN*4~"
                + "CLM*C1R*11000***11:A:7**A*Y*Y~DTP*435*D8*20260102~DTP*434*RD8*20260102-20260106~REF*F8*C1~HI*ABK:J189~HI*DR:470~"
                + "CLM*C1V*11000***11:A:8**A*Y*Y~REF*F8*C1~"
                + "SE*20*0001~GE*1*1~IEA*1*000000001~");

        List<IntakeItem> items = read(file);

        assertThat(items).hasSize(3);
        NormalizedClaim.Original original = (NormalizedClaim.Original) items.get(0);
        assertThat(original.claim().hospitalId()).isEqualTo("1234567893");
        assertThat(original.claim().drg()).isEqualTo("193");
        assertThat(original.claim().principalDx()).isEqualTo("J189");
        assertThat(original.claim().admitDate()).isEqualTo(LocalDate.of(2026, 1, 2));
        assertThat(original.claim().dischargeDate()).isEqualTo(LocalDate.of(2026, 1, 6));
        assertThat(original.claim().billedAmount()).isEqualByComparingTo("12000.50");
        assertThat(original.claim().patientPseudonym()).isEqualTo(PSEUDONYMS.pseudonym("MBI-RAW-1"));
        // the payer of loop 2010BB, not the other payer of a later SBR loop
        assertThat(original.claim().payerId()).isEqualTo("INS-1");
        NormalizedClaim.Replacement replacement = (NormalizedClaim.Replacement) items.get(1);
        assertThat(replacement.originalClaimId()).isEqualTo("C1");
        assertThat(replacement.claim().drg()).isEqualTo("470");
        NormalizedClaim.Void voided = (NormalizedClaim.Void) items.get(2);
        assertThat(voided.originalClaimId()).isEqualTo("C1");
        assertThat(voided.claimId()).isEqualTo("C1V");
    }
}
