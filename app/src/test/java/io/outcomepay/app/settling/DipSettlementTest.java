package io.outcomepay.app.settling;

import io.outcomepay.app.baseline.BaselineFiles;
import io.outcomepay.app.contract.ContractYaml;
import io.outcomepay.app.operations.Operations;
import io.outcomepay.app.support.ClaimsFile;
import io.outcomepay.app.support.IntegrationTest;
import io.outcomepay.billing.VersionOutcome;
import io.outcomepay.billing.settlement.SettlementResult;
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
    Operations operations;
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
        assertThat(deadLetters.list("dip-claims.csv", 10)).extracting(Rejection::field, Rejection::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("dip_group", "unknown DIP group 'DIP-Z'"));
        // D1-H001: 120 x 95 x 1.05 = 11,970.00; DIP-B ratio 0.375 < 0.5: 0.375 x 3,990.00 = 1,496.25
        assertThat(r.hospitals().get(0).baselineTotal()).isEqualByComparingTo("13466.25");
        // D1-H002: DIP-A ratio 2.5 > 2: (2.5 - 2 + 1) x 11,400.00 = 17,100.00; DIP-B 40 x 95 = 3,800.00
        assertThat(r.hospitals().get(1).baselineTotal()).isEqualByComparingTo("20900.00");
        assertThat(r.total().actualTotal()).isEqualByComparingTo("45500.00");
        assertThat(r.currency()).isEqualTo("CNY");
    }
}
