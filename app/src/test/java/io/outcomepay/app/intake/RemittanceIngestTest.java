package io.outcomepay.app.intake;

import io.outcomepay.app.support.UseCases;
import io.outcomepay.app.support.ClaimsFile;
import io.outcomepay.app.support.Contracts;
import io.outcomepay.app.support.IntegrationTest;
import io.outcomepay.billing.settlement.SettlementResult;
import io.outcomepay.claims.intake.DeadLetter;
import io.outcomepay.claims.intake.DeadLetters;
import io.outcomepay.claims.intake.IngestReport;
import io.outcomepay.claims.intake.IngestingClaims;
import io.outcomepay.claims.intake.Rejection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class RemittanceIngestTest extends IntegrationTest {

    @Autowired
    UseCases operations;
    @Autowired
    io.outcomepay.billing.period.application.SettlingPeriod settling;
    @Autowired
    DeadLetters deadLetters;
    @TempDir
    Path dir;

    @Test
    void remittancesGiveThePayersAllowedAmountTakeDenialsOutAndReversalsBack() throws Exception {
        String npi = "1234567893";
        operations.createContract(Contracts.definition("RM-C", npi, "2026-01-01", "6500.00"));
        operations.ingestCsv(ClaimsFile.claims()
                .row("R1", npi, "193", "8000.00")
                .row("R2", npi, "193", "8000.00")
                .row("R3", npi, "193", "8000.00")
                .writeTo(dir, "rm-claims.csv"), IngestingClaims.Listener.silent());
        Path remittance = Files.writeString(dir.resolve("rm.835"),
                "ISA*00*          *00*          *ZZ*PAYER          *ZZ*HOSPITAL       *260201*1200*^*00501*000000001*0*T*:~"
                + "GS*HP*PAYER*HOSPITAL*20260201*1200*1*X*005010X221A1~ST*835*0001~BPR*I*13500*C*ACH~TRN*1*1*1~"
                + "N1*PR*PAYER*XV*INS-1~N1*PE*HOSPITAL*XX*" + npi + "~LX*1~"
                + "CLP*R1*1*8000*6500*500*MC*P-R1~CAS*CO*45*1000~CAS*PR*1*500~AMT*AU*7000~"
                + "CLP*R2*4*8000*0**MC*P-R2~CAS*CO*16*8000~"
                + "CLP*R3*1*8000*7000*1000*MC*P-R3~CAS*PR*1*1000~"
                + "CLP*R3*22*-8000*-7000*-1000*MC*P-R3~CAS*PR*1*-1000~"
                + "CLP*R9*1*100*100**MC*P-R9~"
                + "SE*20*0001~GE*1*1~IEA*1*000000001~");

        IngestReport first = operations.ingestCsv(remittance, IngestingClaims.Listener.silent());
        IngestReport again = operations.ingestCsv(remittance, IngestingClaims.Listener.silent());
        SettlementResult r = operations.settle("RM-C", YearMonth.of(2026, 1)).result();

        assertThat(first.adjudicated()).isEqualTo(4);
        assertThat(first.rejected()).isEqualTo(1);
        assertThat(again.duplicate()).isEqualTo(4);
        assertThat(again.adjudicated()).isZero();
        assertThat(deadLetters.list("rm.835", 10)).extracting(DeadLetter::field, DeadLetter::reason)
                .containsExactly(tuple("CLP01", "no encounter was recorded for claim R9 of " + npi));
        // R1 at the payer's 7,000.00, R2 denied and left out, R3 back at its claim's 8,000.00 after the reversal
        assertThat(r.inPeriod()).isEqualTo(2);
        assertThat(r.total().actualTotal()).isEqualByComparingTo("15000.00");
        assertThat(r.total().baselineTotal()).isEqualByComparingTo("17087.20");
        // the engine pricing every line in memory agrees with the set-based sums, fingerprint included
        assertThat(settling.calculate("RM-C", YearMonth.of(2026, 1), null,
                io.outcomepay.billing.period.application.SettlingPeriod.Pricing.IN_MEMORY)).isEqualTo(r);
    }

    @Test
    void anInstitutionalClaimCountsAtItsChargeUntilItsRemittanceGivesThePayersAmount() throws Exception {
        String npi = "1234567894";
        operations.createContract(Contracts.definition("RM2-C", npi, "2026-01-01", "6500.00"));
        String envelope = "ISA*00*          *00*          *ZZ*HOSPITAL       *ZZ*PAYER          *260201*1200*^*00501*000000001*0*T*:~";
        Path claims = Files.writeString(dir.resolve("rm2.837"), envelope
                + "GS*HC*HOSPITAL*PAYER*20260201*1200*1*X*005010X223A2~ST*837*0001*005010X223A2~"
                + "HL*1**20*1~NM1*85*2*GENERAL HOSPITAL*****XX*" + npi + "~HL*2*1*22*0~NM1*IL*1*DOE*JANE****MI*MBI-RM2~"
                + "CLM*K1*9000***11:A:1**A*Y*Y~DTP*435*D8*20260102~DTP*434*RD8*20260102-20260106~HI*ABK:J189~HI*DR:193~"
                + "SE*9*0001~GE*1*1~IEA*1*000000001~");
        Path remittance = Files.writeString(dir.resolve("rm2.835"), envelope
                + "GS*HP*PAYER*HOSPITAL*20260201*1200*1*X*005010X221A1~ST*835*0001~BPR*I*7000*C*ACH~TRN*1*1*1~"
                + "N1*PR*PAYER*XV*INS-1~N1*PE*HOSPITAL*XX*" + npi + "~LX*1~CLP*K1*1*9000*7000*500*MA*P-K1~CAS*CO*45*1500~"
                + "CAS*PR*1*500~SE*9*0001~GE*1*1~IEA*1*000000001~");

        IngestReport claimed = operations.ingestCsv(claims, IngestingClaims.Listener.silent());
        SettlementResult atCharge = operations.settle("RM2-C", YearMonth.of(2026, 1)).result();
        operations.ingestCsv(remittance, IngestingClaims.Listener.silent());
        SettlementResult atPayersWord = operations.settle("RM2-C", YearMonth.of(2026, 1)).result();

        assertThat(claimed.recorded()).isEqualTo(1);
        // AI-assisted only through usage events: an 837 does not say; contract eligible: ai_assisted
        assertThat(atCharge.notEligible()).isEqualTo(1);
        io.outcomepay.claims.usage.UsageEvent usage = new io.outcomepay.claims.usage.UsageEvent("EV-RM2", "VENDOR-1",
                "sepsis-watch", "1", npi, "K1", null, "2026-01-03T00:00:00Z", "inference");
        operations.recordAiUsage(usage, usage.details(), "test", 1);
        SettlementResult assisted = operations.settle("RM2-C", YearMonth.of(2026, 1)).result();
        // 9000 - (CO 1500) = 7500 covered; the patient's 500 is part of it
        assertThat(assisted.total().actualTotal()).isEqualByComparingTo("7500.00");
        assertThat(atPayersWord.notEligible()).isEqualTo(1);
    }
}
