package io.outcomepay.app.settling;

import io.outcomepay.app.baseline.BaselineFiles;
import io.outcomepay.app.contract.ContractYaml;
import io.outcomepay.app.support.UseCases;
import io.outcomepay.app.support.ClaimsFile;
import io.outcomepay.app.support.IntegrationTest;
import io.outcomepay.billing.VersionOutcome;
import io.outcomepay.billing.settlement.SettlementResult;
import io.outcomepay.claims.intake.DeadLetter;
import io.outcomepay.claims.intake.DeadLetters;
import io.outcomepay.claims.intake.IngestReport;
import io.outcomepay.claims.intake.IngestingClaims;
import io.outcomepay.claims.intake.Rejection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DipSettlementTest extends IntegrationTest {

    @Autowired
    UseCases operations;
    @Autowired
    io.outcomepay.billing.period.application.SettlingPeriod settling;
    @Autowired
    DeadLetters deadLetters;
    @TempDir
    Path dir;

    @Test
    void loadsAGb18030DipTableAndSettlesDipClaimsWithProratedOutliers() throws Exception {
        Path table = Files.write(dir.resolve("dip-2026.csv"), String.join("\n",
                "group_code,group_name,score,mean_cost",
                "DIP-A,肺恶性肿瘤 手术,120,12000.00",
                "DIP-B,肺炎,40,4000.00") .concat("\n").getBytes(Charset.forName("GB18030")));
        VersionOutcome published = operations.publishBaseline(
                BaselineFiles.read(table, "dip", "dip-it", LocalDate.of(1900, 1, 1)));
        operations.createContract(ContractYaml.read(new ByteArrayInputStream("""
                id: D1-C
                currency: CNY
                insurer: 医保局
                vendor: VENDOR-1
                hospitals: [D1-H001, D1-H002]
                baseline: { kind: dip, table: dip-it, point_value: "95.00", institution_coefficients: { D1-H001: "1.05" } }
                effective_from: 2026-01-01
                terms:
                  eligible: ai_assisted
                  minimum_savings_rate: "0.02"
                  sharing: first_dollar
                  cap_rate: "0.10"
                  outliers: { rule: prorate, low: "0.5", high: "2.0", review: "5" }
                  shares: { insurer: "0.50", hospital: "0.30", vendor: "0.20" }
                """.getBytes(StandardCharsets.UTF_8)), "dip.yaml"));
        List<String> columns = new ArrayList<>(ClaimsFile.COLUMNS);
        columns.add("dip_group");
        IngestingClaims.Listener quiet = IngestingClaims.Listener.silent();

        IngestReport report = operations.ingestCsv(ClaimsFile.withColumns(columns)
                .row("D1", "D1-H001", "", "11000.00", "currency=CNY", "dip_group=DIP-A")
                .row("D2", "D1-H001", "", "1500.00", "currency=CNY", "dip_group=DIP-B")
                .row("D3", "D1-H002", "", "30000.00", "currency=CNY", "dip_group=DIP-A")
                .row("D4", "D1-H002", "", "3000.00", "currency=CNY", "dip_group=DIP-B")
                .row("D5", "D1-H002", "", "3000.00", "currency=CNY", "dip_group=DIP-Z")
                .writeTo(dir, "dip-claims.csv"), quiet);
        SettlementResult r = operations.settle("D1-C", YearMonth.of(2026, 1)).result();

        assertThat(published.changed()).isTrue();
        assertThat(report.recorded()).isEqualTo(4);
        assertThat(deadLetters.list("dip-claims.csv", 10)).extracting(DeadLetter::field, DeadLetter::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("dip_group", "unknown DIP group 'DIP-Z'"));
        // D1-H001: 120 x 95 x 1.05 = 11,970.00; DIP-B ratio 0.375 < 0.5: 0.375 x 3,990.00 = 1,496.25
        assertThat(r.hospitals().get(0).baselineTotal()).isEqualByComparingTo("13466.25");
        // D1-H002: DIP-A ratio 2.5 > 2: (2.5 - 2 + 1) x 11,400.00 = 17,100.00; DIP-B 40 x 95 = 3,800.00
        assertThat(r.hospitals().get(1).baselineTotal()).isEqualByComparingTo("20900.00");
        assertThat(r.total().actualTotal()).isEqualByComparingTo("45500.00");
        assertThat(r.currency()).isEqualTo("CNY");
        // the engine pricing every line in memory agrees with the set-based sums, fingerprint included
        assertThat(settling.calculate("D1-C", YearMonth.of(2026, 1), null,
                io.outcomepay.billing.period.application.SettlingPeriod.Pricing.IN_MEMORY)).isEqualTo(r);
    }

    @Test
    void settlesAChineseDipContractEndToEndFromAGb18030SettlementList() throws Exception {
        operations.publishBaseline(BaselineFiles.read(Files.write(dir.resolve("dip-list.csv"), String.join("\n",
                "group_code,score,mean_cost", "DIP-A,120,12000.00", "DIP-B,40,4000.00").concat("\n")
                .getBytes(StandardCharsets.UTF_8)), "dip", "dip-list", LocalDate.of(1900, 1, 1)));
        operations.createContract(ContractYaml.read(new ByteArrayInputStream("""
                id: L1-C
                currency: CNY
                insurer: 医保局
                vendor: VENDOR-1
                hospitals: [L-H1]
                baseline: { kind: dip, table: dip-list, point_value: "95.00" }
                effective_from: 2026-01-01
                terms:
                  eligible: ai_assisted
                  minimum_savings_rate: "0.02"
                  sharing: first_dollar
                  cap_rate: "0.10"
                  outliers: { rule: prorate, low: "0.5", high: "2.0" }
                  shares: { insurer: "0.50", hospital: "0.30", vendor: "0.20" }
                """.getBytes(StandardCharsets.UTF_8)), "list.yaml"));
        Path list = Files.write(dir.resolve("结算清单-2026-01.csv"), String.join("\n",
                "清单流水号,定点医疗机构代码,就诊ID,医保编号,入院时间,出院时间,主要诊断代码,病组病种编码,医保支付方式,金额合计,医保统筹基金支付,个人负担,AI辅助",
                "S1,L-H1,M1,HI-RAW-1,2026-01-02 08:00:00,2026-01-10 10:30:00,C34.900,DIP-A,3,10000.00,7000.00,3000.00,是",
                "S2,L-H1,M2,HI-RAW-2,2026-01-03,2026-01-08,J18.900,DIP-B,3,3500.00,2500.00,1000.00,是",
                "S3,L-H1,M1,HI-RAW-1,2026-01-02 08:00:00,2026-01-10 10:30:00,C34.900,DIP-A,3,9000.00,6300.00,2700.00,是",
                "S4,L-H1,M3,HI-RAW-3,2026-01-04,2026-01-09,J18.900,DIP-B,1,3500.00,2500.00,1000.00,否").concat("\n")
                .getBytes(Charset.forName("GB18030")));

        IngestReport first = operations.ingestCsv(list, IngestingClaims.Listener.silent());
        IngestReport again = operations.ingestCsv(list, IngestingClaims.Listener.silent());
        SettlementResult r = operations.settle("L1-C", YearMonth.of(2026, 1)).result();

        assertThat(first).isEqualTo(new IngestReport("结算清单-2026-01.csv", 4, 2, 0, 1, 0, 1, 0));
        assertThat(again.duplicate()).isEqualTo(3);
        assertThat(deadLetters.list("结算清单-2026-01.csv", 10)).extracting(DeadLetter::line, DeadLetter::field)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(5L, "医保支付方式 (hi_paymtd)"));
        // M1 re-settled at 9,000.00 against 120 x 95 = 11,400.00; M2 3,500.00 against 3,800.00
        assertThat(r.total().baselineTotal()).isEqualByComparingTo("15200.00");
        assertThat(r.total().actualTotal()).isEqualByComparingTo("12500.00");
        assertThat(r.total().pool()).as("savings 2,700.00 capped at 10% of 15,200.00").isEqualByComparingTo("1520.00");
        assertThat(r.total().vendor()).isEqualByComparingTo("304.00");
        assertThat(jdbc.queryForObject("select count(*) from claim_dead_letter t where t::text like '%HI-RAW%'",
                Long.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry "
                + "where convert_from(payload, 'UTF8') like '%HI-RAW%'", Long.class)).isZero();
    }

    @Test
    void aDipTableWithRealGroupCodesLoadsAndSettlesToTheCent() throws Exception {
        // DIP codes combine a diagnosis with procedures: 18 to 25 characters, with : + # . and CJK
        String n18 = "N18.500:51.3523#01";
        String i63 = "I63.9:99.1001+88.4101";
        String k80 = "K80.101:51.2301+胆囊切除术";
        Path table = Files.write(dir.resolve("dip-real.csv"), String.join("\n",
                "group_code,group_name,score,mean_cost",
                n18 + ",慢性肾脏病 血液透析,250,24000.00",
                i63 + ",脑梗死 溶栓,85.5,8200.00",
                k80 + ",胆囊结石 胆囊切除,60,6000.00").concat("\n").getBytes(StandardCharsets.UTF_8));
        VersionOutcome published = operations.publishBaseline(
                BaselineFiles.read(table, "dip", "dip-real", LocalDate.of(1900, 1, 1)));
        operations.createContract(ContractYaml.read(new ByteArrayInputStream("""
                id: RD-C
                currency: CNY
                insurer: 医保局
                vendor: VENDOR-1
                hospitals: [RD-H1, RD-H2]
                baseline: { kind: dip, table: dip-real, point_value: "95.00", institution_coefficients: { RD-H1: "1.08" } }
                effective_from: 2026-01-01
                terms:
                  eligible: ai_assisted
                  minimum_savings_rate: "0.02"
                  sharing: first_dollar
                  cap_rate: "0.10"
                  outliers: { rule: prorate, low: "0.5", high: "2.0" }
                  shares: { insurer: "0.50", hospital: "0.30", vendor: "0.20" }
                """.getBytes(StandardCharsets.UTF_8)), "rd.yaml"));
        List<String> columns = new ArrayList<>(ClaimsFile.COLUMNS);
        columns.add("dip_group");

        IngestReport report = operations.ingestCsv(ClaimsFile.withColumns(columns)
                .row("RD1", "RD-H1", "", "23000.00", "currency=CNY", "dip_group=" + n18)
                .row("RD2", "RD-H1", "", "2460.00", "currency=CNY", "dip_group=" + i63)
                .row("RD3", "RD-H2", "", "5400.00", "currency=CNY", "dip_group=" + k80)
                .row("RD4", "RD-H2", "", "22800.00", "currency=CNY", "dip_group=" + n18)
                .writeTo(dir, "dip-real-claims.csv"), IngestingClaims.Listener.silent());
        SettlementResult r = operations.settle("RD-C", YearMonth.of(2026, 1)).result();

        assertThat(published.changed()).isTrue();
        assertThat(report.recorded()).isEqualTo(4);
        assertThat(jdbc.queryForList("select code from baseline_entry_view where table_id = 'dip-real' order by code",
                String.class)).containsExactly(i63, k80, n18);
        // RD-H1 (coefficient 1.08): 250 x 95 x 1.08 = 25,650.00; I63 at 2,460.00 / mean 8,200.00 = 0.3 < 0.5:
        // 0.3 x (85.5 x 95 x 1.08 = 8,772.30) = 2,631.69
        assertThat(r.hospitals().get(0).baselineTotal()).isEqualByComparingTo("28281.69");
        // RD-H2: 60 x 95 = 5,700.00 and 250 x 95 = 23,750.00
        assertThat(r.hospitals().get(1).baselineTotal()).isEqualByComparingTo("29450.00");
        assertThat(r.total().baselineTotal()).isEqualByComparingTo("57731.69");
        assertThat(r.total().actualTotal()).isEqualByComparingTo("53660.00");
        // savings 4,071.69 (7.05% > 2%), under the cap of 5,773.17: shared 50/30/20 in cents by largest remainder
        assertThat(r.total().pool()).isEqualByComparingTo("4071.69");
        assertThat(r.total().insurer()).isEqualByComparingTo("2035.84");
        assertThat(r.total().hospital()).isEqualByComparingTo("1221.51");
        assertThat(r.total().vendor()).isEqualByComparingTo("814.34");
        assertThat(settling.calculate("RD-C", YearMonth.of(2026, 1), null,
                io.outcomepay.billing.period.application.SettlingPeriod.Pricing.IN_MEMORY)).isEqualTo(r);
    }

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;
}
