package io.outcomepay.app.parties;

import io.outcomepay.app.support.ClaimsFile;
import io.outcomepay.app.support.Contracts;
import io.outcomepay.app.support.IntegrationTest;
import io.outcomepay.app.support.UseCases;
import io.outcomepay.billing.contract.application.DefiningContract;
import io.outcomepay.billing.period.application.SettlingPeriod;
import io.outcomepay.billing.settlement.SettlementResult;
import io.outcomepay.billing.settlement.SettlementResult.ExclusionReason;
import io.outcomepay.claims.intake.IngestingClaims;
import io.outcomepay.claims.usage.UsageEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Two insurers' contracts on one hospital: each encounter is counted once, by the contract of its
 * payer (named by the CSV's payer_id, the 837's NM1*PR, the FHIR Claim's insurer); one that names
 * no payer is left out of both as payer_unknown, and counted where only one insurer has a contract;
 * a usage event of a vendor outside the contract changes nothing.
 */
class PartiesInTheDataTest extends IntegrationTest {

    private static final String SHARED = "1555500001";
    private static final String OWN = "1555500002";
    private static final YearMonth JANUARY = YearMonth.of(2026, 1);

    @Autowired
    UseCases operations;
    @Autowired
    SettlingPeriod settling;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    io.outcomepay.claims.application.ImportingUsageEvents importing;
    @TempDir
    Path dir;

    @Test
    void eachEncounterIsCountedOnceByItsPayersContract() throws Exception {
        operations.createContract(Contracts.definition("PA-A", SHARED + ", " + OWN, "2026-01-01", "6500.00", "INS-A"));
        operations.createContract(Contracts.definition("PA-B", SHARED, "2026-01-01", "6500.00", "INS-B"));
        IngestingClaims.Listener quiet = IngestingClaims.Listener.silent();
        // every claim DRG 193 (1.3144 x 6500 = 8543.60) at 8000.00, AI-assisted by its claim's flag (CSV)
        // or by a usage event of the contracts' vendor (837, FHIR: they carry no flag)
        operations.ingestCsv(ClaimsFile.claims()
                .row("PA-1", SHARED, "193", "8000.00", "payer_id=INS-A")
                .row("PA-2", SHARED, "193", "8000.00", "payer_id=INS-B")
                .row("PA-3", SHARED, "193", "8000.00")
                .row("PA-4", OWN, "193", "8000.00")
                .row("PA-5", OWN, "193", "8000.00", "payer_id=INS-A", "ai_assisted=false", "ai_service=")
                .writeTo(dir, "pa.csv"), quiet);
        String envelope = "ISA*00*          *00*          *ZZ*HOSPITAL       *ZZ*PAYER          *260201*1200*^*00501*000000001*0*T*:~";
        operations.ingestCsv(Files.writeString(dir.resolve("pa.837"), envelope
                + "GS*HC*HOSPITAL*PAYER*20260201*1200*1*X*005010X223A2~ST*837*0001*005010X223A2~"
                + "HL*1**20*1~NM1*85*2*GENERAL HOSPITAL*****XX*" + SHARED + "~HL*2*1*22*0~"
                + "NM1*IL*1*DOE*JANE****MI*MBI-PA~NM1*PR*2*INSURER B*****PI*INS-B~"
                + "CLM*PA-K1*8000***11:A:1**A*Y*Y~DTP*435*D8*20260102~DTP*434*RD8*20260102-20260106~HI*ABK:J189~HI*DR:193~"
                + "SE*10*0001~GE*1*1~IEA*1*000000001~"), quiet);
        operations.ingestCsv(Files.writeString(dir.resolve("pa.json"), """
                {"resourceType":"Claim","id":"pa-f1","status":"active","use":"claim",
                 "identifier":[{"type":{"coding":[{"code":"uc"}]},"value":"PA-F1"}],
                 "provider":{"identifier":{"system":"http://hl7.org/fhir/sid/us-npi","value":"%s"}},
                 "insurer":{"reference":"#ins"},
                 "contained":[{"resourceType":"Organization","id":"ins","identifier":[{"value":"INS-A"}]}],
                 "patient":{"reference":"Patient/P-RAW-PA"},"billablePeriod":{"start":"2026-01-02","end":"2026-01-06"},
                 "supportingInfo":[{"sequence":1,"category":{"coding":[{"code":"drg"}]},"code":{"coding":[{"code":"193"}]}}],
                 "total":{"value":8000.00,"currency":"USD"}}""".formatted(SHARED)), quiet);
        for (String claim : new String[]{"PA-K1", "PA-F1"}) {
            usage("EV-" + claim, "VENDOR-1", claim, SHARED);
        }
        // a vendor with no contract here names PA-5: it stays not eligible
        usage("EV-PA-5-X", "VENDOR-X", "PA-5", OWN);

        SettlementResult a = settledBothWays("PA-A");
        SettlementResult b = settledBothWays("PA-B");

        // PA-A: PA-1, PA-4 (no payer, but only INS-A covers OWN) and PA-F1 included; PA-5 not eligible
        assertThat(a.inPeriod()).isEqualTo(5);
        assertThat(a.notEligible()).isEqualTo(1);
        assertThat(a.total().encounters()).isEqualTo(3);
        assertThat(a.total().baselineTotal()).isEqualByComparingTo("25630.80");
        assertThat(a.total().actualTotal()).isEqualByComparingTo("24000.00");
        // savings 1630.80 (6.36% > 2%), first dollar, under the 10% cap: 50/30/20
        assertThat(a.total().pool()).isEqualByComparingTo("1630.80");
        assertThat(a.total().insurer()).isEqualByComparingTo("815.40");
        assertThat(a.total().hospital()).isEqualByComparingTo("489.24");
        assertThat(a.total().vendor()).isEqualByComparingTo("326.16");
        // PA-B: PA-2 and PA-K1
        assertThat(b.inPeriod()).isEqualTo(3);
        assertThat(b.notEligible()).isZero();
        assertThat(b.total().encounters()).isEqualTo(2);
        assertThat(b.total().baselineTotal()).isEqualByComparingTo("17087.20");
        assertThat(b.total().actualTotal()).isEqualByComparingTo("16000.00");
        assertThat(b.total().pool()).isEqualByComparingTo("1087.20");
        assertThat(b.total().insurer()).isEqualByComparingTo("543.60");
        assertThat(b.total().hospital()).isEqualByComparingTo("326.16");
        assertThat(b.total().vendor()).isEqualByComparingTo("217.44");
        // PA-3 names no payer at the shared hospital: left out of both, listed with the reason
        for (SettlementResult r : new SettlementResult[]{a, b}) {
            assertThat(r.exclusions()).extracting(SettlementResult.Exclusion::claimId, SettlementResult.Exclusion::reason)
                    .containsExactly(tuple("PA-3", ExclusionReason.PAYER_UNKNOWN));
        }
        // the facts say whose payer and whose AI each encounter counts for
        assertThat(jdbc.queryForList("""
                        select contract_id || ' ' || claim_id || ' ' || coalesce(payer_id, '-') || ' '
                               || coalesce(ai_vendor, '-') || ' ' || status
                        from encounter_fact where claim_id like 'PA-%' order by contract_id, claim_id""", String.class))
                .containsExactly("PA-A PA-1 INS-A - included", "PA-A PA-3 - - payer_unknown", "PA-A PA-4 - - included",
                        "PA-A PA-5 INS-A - not_eligible", "PA-A PA-F1 INS-A VENDOR-1 included",
                        "PA-B PA-2 INS-B - included", "PA-B PA-3 - - payer_unknown",
                        "PA-B PA-K1 INS-B VENDOR-1 included");
        // INS-B's 835 for PA-3 names its payer (N1*PR N104): from then on PA-3 is INS-B's, at the covered 7500.00
        operations.ingestCsv(Files.writeString(dir.resolve("pa.835"), envelope
                + "GS*HP*PAYER*HOSPITAL*20260201*1200*1*X*005010X221A1~ST*835*0001~BPR*I*7500*C*ACH~TRN*1*1*1~"
                + "N1*PR*INSURER B*XV*INS-B~N1*PE*HOSPITAL*XX*" + SHARED + "~LX*1~"
                + "CLP*PA-3*1*8000*7500*0*MC*P-PA-3~CAS*CO*45*500~SE*8*0001~GE*1*1~IEA*1*000000001~"), quiet);
        SettlementResult remitted = settledBothWays("PA-B");
        assertThat(remitted.exclusions()).isEmpty();
        assertThat(remitted.total().encounters()).isEqualTo(3);
        assertThat(remitted.total().actualTotal()).isEqualByComparingTo("23500.00");
        assertThat(settledBothWays("PA-A").inPeriod()).as("PA-3 is not INS-A's").isEqualTo(4);

        // the same claim again with another payer is a conflict
        assertThat(operations.ingestCsv(ClaimsFile.claims().row("PA-1", SHARED, "193", "8000.00", "payer_id=INS-B")
                .writeTo(dir, "pa-again.csv"), quiet).conflicts()).isEqualTo(1);
    }

    @Test
    void anInsurersSecondContractOnAHospitalAndMonthIsRefusedNamingBoth() {
        operations.createContract(Contracts.definition("PO-A", "PO-H1, PO-H2", "2026-01-01", "6500.00", "INS-O"));

        assertThatThrownBy(() -> operations.createContract(
                Contracts.definition("PO-B", "PO-H2", "2026-03-01", "6500.00", "INS-O")))
                .isInstanceOf(DefiningContract.OverlappingContracts.class)
                .hasMessage("contract PO-B and contract PO-A both answer for payer INS-O at hospital PO-H2 in 2026-03;"
                        + " an encounter may be counted by one contract only");
        // another insurer's contract on the same hospital is the normal case
        operations.createContract(Contracts.definition("PO-C", "PO-H2", "2026-03-01", "6500.00", "INS-P"));
    }

    @Test
    void aContractListingServicesPaysEachVendorForItsOwnAiAndUsageEventsComeFromFiles() throws Exception {
        operations.createContract(io.outcomepay.app.contract.ContractYaml.read(new java.io.ByteArrayInputStream("""
                id: PS-C
                currency: USD
                insurer: INS-S
                vendor: V-SEER
                hospitals: [PS-H]
                baseline: { table: ms-drg-v43, base_rate: "6500.00" }
                effective_from: 2026-01-01
                terms:
                  eligible: ai_assisted
                  minimum_savings_rate: "0.02"
                  sharing: first_dollar
                  cap_rate: "0.10"
                  outliers: { low: "0.40", high: "3.00" }
                  shares:
                    insurer: "0.50"
                    hospital: "0.30"
                    vendors: { V-SEER: { share: "0.15", services: [seer-v3] }, V-CODE: "0.05" }
                """.getBytes(java.nio.charset.StandardCharsets.UTF_8)), "ps.yaml"));
        operations.ingestCsv(ClaimsFile.claims()
                .row("PS-1", "PS-H", "193", "8000.00", "ai_service=seer-v3")
                .row("PS-2", "PS-H", "193", "8000.00", "ai_service=other-ai")
                .row("PS-3", "PS-H", "193", "8000.00", "ai_assisted=false", "ai_service=")
                .row("PS-4", "PS-H", "193", "8000.00", "ai_assisted=false", "ai_service=")
                .writeTo(dir, "ps.csv"), IngestingClaims.Listener.silent());
        Path ndjson = Files.writeString(dir.resolve("ps-usage.ndjson"), """
                {"event_id":"EV-PS-3","vendor":"V-CODE","ai_service":"coder","hospital_id":"PS-H","claim_id":"PS-3","occurred_at":"2026-01-12T08:00:00Z","kind":"inference"}
                {"vendor":"V-CODE","ai_service":"coder","hospital_id":"PS-H","claim_id":"PS-1","occurred_at":"2026-01-12T08:00:00Z","kind":"inference"}
                """);
        Path csv = Files.writeString(dir.resolve("ps-usage.csv"), """
                event_id,vendor,ai_service,model_version,hospital_id,claim_id,encounter_ref,occurred_at,kind
                EV-PS-4,V-OUTSIDE,lookalike,1,PS-H,PS-4,,2026-01-12T09:00:00Z,inference
                """);

        var fromNdjson = importing.importUsage(new io.outcomepay.claims.application.ImportingUsageEvents.ImportUsage(ndjson));
        var fromCsv = importing.importUsage(new io.outcomepay.claims.application.ImportingUsageEvents.ImportUsage(csv));
        var again = importing.importUsage(new io.outcomepay.claims.application.ImportingUsageEvents.ImportUsage(ndjson));

        assertThat(fromNdjson.summary()).isEqualTo("read 2, recorded 1, duplicate 0, rejected 1 (of which conflicts 0)");
        assertThat(fromNdjson.rejections()).extracting(r -> r.line() + " " + r.field())
                .containsExactly("2 event_id");
        assertThat(fromCsv.recorded()).isEqualTo(1);
        assertThat(again.duplicates()).isEqualTo(1);
        SettlementResult r = settledBothWays("PS-C");
        // PS-1: its claim's service is V-SEER's; PS-3: V-CODE's usage event; PS-2's service is no vendor's
        // and PS-4's event is of a vendor outside the contract: both not eligible
        assertThat(r.notEligible()).isEqualTo(2);
        assertThat(r.total().encounters()).isEqualTo(2);
        assertThat(jdbc.queryForList("""
                        select claim_id || ' ' || coalesce(ai_vendor, '-') || ' ' || status from encounter_fact
                        where contract_id = 'PS-C' order by claim_id""", String.class))
                .containsExactly("PS-1 V-SEER included", "PS-2 - not_eligible", "PS-3 V-CODE included",
                        "PS-4 - not_eligible");
    }

    private void usage(String eventId, String vendor, String claimId, String hospital) {
        UsageEvent event = new UsageEvent(eventId, vendor, "sepsis-watch", "1", hospital, claimId, null,
                "2026-01-12T08:00:00Z", "inference");
        operations.recordAiUsage(event, event.details(), "test", 1);
    }

    private SettlementResult settledBothWays(String contractId) {
        SettlementResult setBased = settling.calculate(contractId, JANUARY, null, SettlingPeriod.Pricing.SET_BASED);
        assertThat(settling.calculate(contractId, JANUARY, null, SettlingPeriod.Pricing.IN_MEMORY)).isEqualTo(setBased);
        return setBased;
    }
}
