package io.outcomepay.claims.x12;

import io.outcomepay.claims.intake.IntakeItem;
import io.outcomepay.claims.intake.NormalizedClaim;
import io.outcomepay.claims.intake.Rejection;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RemittanceReaderTest {

    static final Path SAMPLES = Path.of("../../shared/data/claims");

    private static List<IntakeItem> read(RemittanceReader reader) {
        List<IntakeItem> items = new ArrayList<>();
        try (reader) {
            reader.forEachRemaining(items::add);
        }
        return items;
    }

    @Test
    void readsTheEmednySampleClaimByClaim() {
        List<IntakeItem> items = read(RemittanceReader.open(SAMPLES.resolve("x12-835-5010-emedny-sample.txt")));

        assertThat(items).allMatch(NormalizedClaim.Remitted.class::isInstance);
        NormalizedClaim.Remitted first = (NormalizedClaim.Remitted) items.get(0);
        assertThat(first.hospitalId()).isEqualTo("9999999995");
        assertThat(first.claimId()).isEqualTo("PATIENT ACCOUNT NUMBER");
        assertThat(first.remittance().status()).isEqualTo("1");
        assertThat(first.remittance().charge()).isEqualByComparingTo("34.25");
        assertThat(first.remittance().paid()).isEqualByComparingTo("34.25");
        assertThat(first.remittance().allowed()).as("AMT*AU").isEqualByComparingTo("34.25");
        assertThat(first.remittance().payerClaimId()).isEqualTo("1000210000000030");
        assertThat(first.remittance().payerId()).as("N1*PR without an id: its name").isEqualTo("NYSDOH");
        NormalizedClaim.Remitted second = (NormalizedClaim.Remitted) items.get(1);
        // 34.00 charged, CO 29 adjustments of 12 and 22 on the lines, nothing paid
        assertThat(second.remittance().allowed()).isEqualByComparingTo("0.00");
        assertThat(second.remittance().balanced()).isTrue();
    }

    @Test
    void readsADenialWithItsAdjustments() {
        List<IntakeItem> items = read(RemittanceReader.open(SAMPLES.resolve("x12-835-5010-denied-mult-loops.txt")));

        assertThat(items).hasSize(1);
        NormalizedClaim.Remitted denied = (NormalizedClaim.Remitted) items.get(0);
        assertThat(denied.hospitalId()).isEqualTo("444313000");
        assertThat(denied.remittance().denied()).isTrue();
        assertThat(denied.remittance().adjustments()).extracting(a -> a.group() + a.reason())
                .containsExactly("CO16", "OAA7", "OAA7");
        assertThat(denied.remittance().balanced()).isTrue();
        assertThat(denied.source().record()).as("segment number of the CLP, ISA = 1").isEqualTo(15);
    }

    @Test
    void rejectsAClaimWithABadAmountAndKeepsTheOthers() {
        String x12 = "ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *260101*1200*^*00501*000000001*0*T*:~"
                + "GS*HP*SENDER*RECEIVER*20260101*1200*1*X*005010X221A1~ST*835*0001~BPR*I*10*C*ACH~TRN*1*1*1~"
                + "N1*PR*PAYER~N1*PE*HOSPITAL*XX*1234567893~LX*1~"
                + "CLP*C1*1*100*80*20*MC*P1~CAS*CO*45*0~CAS*PR*1*20~"
                + "CLP*C2*1*1OO*0**MC*P2~"
                + "SE*9*0001~GE*1*1~IEA*1*000000001~";

        List<IntakeItem> items = read(RemittanceReader.of("bad.835", new ByteArrayInputStream(x12.getBytes(StandardCharsets.US_ASCII))));

        assertThat(items).hasSize(2);
        assertThat(((NormalizedClaim.Remitted) items.get(0)).remittance().allowed()).isEqualByComparingTo("100.00");
        Rejection bad = (Rejection) items.get(1);
        assertThat(bad.field()).isEqualTo("CLP03");
        assertThat(bad.reason()).isEqualTo("'1OO' is not a decimal number like 1234.56");
    }
}
