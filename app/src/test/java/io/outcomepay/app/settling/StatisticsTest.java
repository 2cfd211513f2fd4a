package io.outcomepay.app.settling;

import io.outcomepay.analytics.auditing.ComputingStatistics;
import io.outcomepay.analytics.statistics.PeriodStatistics;
import io.outcomepay.analytics.statistics.SavingsStatistics;
import io.outcomepay.app.support.UseCases;
import io.outcomepay.app.support.ClaimsFile;
import io.outcomepay.app.support.Contracts;
import io.outcomepay.app.support.IntegrationTest;
import io.outcomepay.billing.settlement.SettlementResult;
import io.outcomepay.claims.intake.IngestingClaims;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.file.Path;
import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StatisticsTest extends IntegrationTest {

    @Autowired
    ComputingStatistics computing;

    @Autowired
    UseCases operations;
    @Autowired
    io.outcomepay.analytics.auditing.StoredStatistics stored;

    @TempDir
    Path dir;

    @Test
    void theStatisticsOfAMonthAgreeWithItsSettlementAndFlagARiseInCaseMixAtFlatCost() {
        operations.createContract(Contracts.definition("ST-C", "ST-H1, ST-H2", "2025-12-01", "6500.00"));
        ClaimsFile claims = ClaimsFile.claims();
        for (int i = 1; i <= 4; i++) {
            // December: DRG 194 (weight 0.8059) at 5,000.00 a case.
            claims.row("ST-D" + i, "ST-H1", "194", "5000.00", "admit_date=2025-12-10", "discharge_date=2025-12-15");
        }
        // January: DRG 193 (weight 1.3144, baseline 8,543.60): two assisted at 5,000.00, two not at 5,100.00.
        claims.row("ST-J1", "ST-H1", "193", "5000.00").row("ST-J2", "ST-H1", "193", "5000.00")
                .row("ST-J3", "ST-H1", "193", "5100.00", "ai_assisted=false", "ai_service=")
                .row("ST-J4", "ST-H1", "193", "5100.00", "ai_assisted=false", "ai_service=")
                .row("ST-J5", "ST-H2", "193", "8000.00");
        operations.ingestCsv(claims.writeTo(dir, "st.csv"), IngestingClaims.Listener.silent());

        ComputingStatistics.Computed beforeSettling = computing.compute(new ComputingStatistics.Compute("ST-C", YearMonth.of(2026, 1),
                YearMonth.of(2025, 12), 11, 500));
        operations.settle("ST-C", YearMonth.of(2026, 1));
        ComputingStatistics.Computed computed = computing.compute(new ComputingStatistics.Compute("ST-C", YearMonth.of(2026, 1), YearMonth.of(2025, 12),
                11, 500));
        PeriodStatistics stats = computed.statistics();
        SettlementResult settled = operations.recalculate("ST-C", YearMonth.of(2026, 1), null);

        // The observed rate is the settlement's: (3 x 8,543.60 - 18,000.00) / (3 x 8,543.60)
        assertThat(stats.savingsRate().rate()).isEqualByComparingTo(settled.total().savingsRate());
        assertThat(stats.savingsRate().rate()).isEqualByComparingTo("0.297720");
        assertThat(stats.savingsRate().encounters()).isEqualTo(3);
        assertThat(stats.savingsRate().msr()).isEqualByComparingTo("0.02");
        // In DRG 193, the H2 case is assisted too:
        // AI (5000 + 5000 + 8000) / 3 = 6000.00, others 5100.00: (6000 - 5100) / 8543.60 = 0.105342
        assertThat(stats.aiEffect().difference()).isEqualByComparingTo("0.105342");
        assertThat(stats.aiEffect().strata()).isEqualTo(1);
        SavingsStatistics.CaseMixDrift h1 = stats.caseMixDrift().get(0);
        assertThat(stats.caseMixDrift()).hasSize(1);
        assertThat(h1.hospitalId()).isEqualTo("ST-H1");
        assertThat(h1.referenceCmi()).isEqualByComparingTo("0.8059");
        assertThat(h1.currentCmi()).isEqualByComparingTo("1.3144");
        assertThat(h1.costChange()).isEqualByComparingTo("0.01");
        assertThat(h1.flagged()).isTrue();
        assertThat(stats.topGroups()).extracting(SavingsStatistics.GroupSavings::group).containsExactly("193");
        // Seeded: the same call gives the same figures; stored with the revision settled from the same data
        assertThat(beforeSettling.statistics()).isEqualTo(stats);
        assertThat(beforeSettling.storedWithRevision()).isNull();
        assertThat(computed.storedWithRevision()).isEqualTo(1);
        assertThat(stored.of("ST-C", YearMonth.of(2026, 1))).singleElement().satisfies(s -> {
            assertThat(s.statistics()).isEqualTo(stats);
            assertThat(s.fingerprint()).isEqualTo(settled.fingerprint());
            assertThat(s.referencePeriod()).isEqualTo("2025-12");
        });
        assertThatThrownBy(() -> computing.compute(new ComputingStatistics.Compute("ST-C", YearMonth.of(2026, 1), YearMonth.of(2025, 12), 11, 5)))
                .hasMessage("resamples: must be between 100 and 100000, was 5");
    }
}
