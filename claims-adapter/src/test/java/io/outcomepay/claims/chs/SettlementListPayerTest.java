package io.outcomepay.claims.chs;

import io.outcomepay.claims.intake.DefaultPayerReader;
import io.outcomepay.claims.intake.IntakeItem;
import io.outcomepay.claims.intake.NormalizedClaim;
import io.outcomepay.claims.intake.Pseudonymizer;
import io.outcomepay.claims.csv.ClaimCsvReader;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The 结算清单's payer is the pooling region whose fund pays (参保地医保区划); else the file's --payer. */
class SettlementListPayerTest {

    private static final Pseudonymizer PSEUDONYMS = new Pseudonymizer(new byte[32]);

    @Test
    void thePoolingRegionIsThePayerAndTheFilesPayerFillsInWhereItIsEmpty() {
        String file = String.join("\n",
                "清单流水号,定点医疗机构代码,就诊ID,医保编号,入院时间,出院时间,主要诊断代码,病组病种编码,医保支付方式,金额合计,医保统筹基金支付,参保地医保区划",
                "S1,L-H1,M1,HI-RAW-1,2026-01-02,2026-01-10,C34.900,DIP-A,3,10000.00,7000.00,310100",
                "S2,L-H1,M2,HI-RAW-2,2026-01-03,2026-01-08,J18.900,DIP-B,3,3500.00,2500.00,") + "\n";
        List<String> payers = new ArrayList<>();
        try (var reader = new DefaultPayerReader(ClaimCsvReader.of("list.csv",
                new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)),
                List.of(new SettlementListDialect(code -> false, group -> true, PSEUDONYMS)), PSEUDONYMS), "440300")) {
            while (reader.hasNext()) {
                IntakeItem item = reader.next();
                payers.add(((NormalizedClaim.Settlement) item).claim().payerId());
            }
        }

        assertThat(payers).containsExactly("310100", "440300");
    }
}
