package io.outcomepay.reports.settlement;

import io.outcomepay.billing.settlement.SettlementResult;
import io.outcomepay.billing.settlement.SettlementResult.Row;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SettlementCsvTest {

    private static Row row(String hospital, String savings, String rate, String pool) {
        return new Row(hospital, 2, 1, new BigDecimal("1000.00"), new BigDecimal("900.00"), new BigDecimal(savings),
                rate == null ? null : new BigDecimal(rate), new BigDecimal(pool), new BigDecimal("0.50"),
                new BigDecimal("0.30"), new BigDecimal("0.20"), java.util.Map.of("V1", new BigDecimal("0.20")));
    }

    @Test
    void writesOneRowPerHospitalThenTheTotalWithPlainDecimals() {
        SettlementResult result = new SettlementResult("C-1", 1, "2026-01", "USD", "ms-drg-v43", 1, 5, 1,
                row("TOTAL", "100.00", "0.100000", "1.00"),
                List.of(row("H001", "100.00", "0.000001", "1.00"), row("H002", "0.00", null, "0.00")),
                List.of(), List.of(), "abc", null, List.of());
        StringWriter out = new StringWriter();

        SettlementCsv.write(result, out);

        assertThat(out.toString()).isEqualTo("""
                contract_id,period,hospital_id,encounters,excluded,baseline_total,actual_total,savings,savings_rate,pool,insurer,hospital,vendor,fingerprint
                C-1,2026-01,H001,2,1,1000.00,900.00,100.00,0.000001,1.00,0.50,0.30,0.20,abc
                C-1,2026-01,H002,2,1,1000.00,900.00,0.00,,0.00,0.50,0.30,0.20,abc
                C-1,2026-01,TOTAL,2,1,1000.00,900.00,100.00,0.100000,1.00,0.50,0.30,0.20,abc
                """);
    }
}
