package io.outcomepay.billing.settlement;

import io.outcomepay.billing.settlement.SettlementResult.ExclusionReason;
import io.outcomepay.billing.settlement.SettlementResult.Row;
import io.outcomepay.billing.settlement.SettlementTerms.Eligibility;
import io.outcomepay.billing.settlement.SettlementTerms.LossTerms;
import io.outcomepay.billing.settlement.SettlementTerms.OutlierBounds;
import io.outcomepay.billing.settlement.SettlementTerms.OutlierRule;
import io.outcomepay.billing.settlement.SettlementTerms.PartyShares;
import io.outcomepay.billing.settlement.SettlementTerms.SharingMethod;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Contract forms beyond the first revenue share, hand-computed on MS-DRG v43 weights at 6,500.00. */
class ContractFormsTest {

    private static SettlementTerms outliers(OutlierRule rule, String review) {
        return new SettlementTerms(Eligibility.AI_ASSISTED, new BigDecimal("0.02"), SharingMethod.FIRST_DOLLAR,
                new BigDecimal("0.10"), new OutlierBounds(new BigDecimal("0.40"), new BigDecimal("3.00"), rule,
                review == null ? null : new BigDecimal(review)),
                new PartyShares(new BigDecimal("0.50"), new BigDecimal("0.30"), new BigDecimal("0.20")));
    }

    @Test
    void capClampsTheActualCostOfOutliersToTheBounds() {
        SettlementResult r = Settlements.request(outliers(OutlierRule.CAP, null))
                .encounter("H001", "193", "3000.00")     // below 0.40 x 8543.60 = 3417.44
                .encounter("H001", "193", "30000.00")    // above 3.00 x 8543.60 = 25630.80
                .encounter("H001", "193", "8000.00")
                .settle();

        assertThat(r.total().encounters()).isEqualTo(3);
        assertThat(r.total().baselineTotal()).isEqualByComparingTo("25630.80");
        assertThat(r.total().actualTotal()).isEqualByComparingTo("37048.24");
        assertThat(r.trace()).anySatisfy(s -> assertThat(s.name() + "=" + s.value()).isEqualTo("capped_low=1"));
    }

    @Test
    void prorateScalesTheBaselineOfOutliersAndSendsExtremeCasesToExpertReview() {
        SettlementResult r = Settlements.request(outliers(OutlierRule.PRORATE, "5"))
                .encounter("H001", "193", "3000.00")     // low: baseline = ratio x 8543.60 = 3000.00
                .encounter("H001", "193", "30000.00")    // high: (ratio - 3 + 1) x 8543.60 = 30000 - 17087.20
                .encounter("H001", "193", "50000.00")    // 5.85 > review 5
                .encounter("H001", "193", "8000.00")
                .settle();

        assertThat(r.total().encounters()).isEqualTo(3);
        assertThat(r.total().baselineTotal()).isEqualByComparingTo("24456.40");
        assertThat(r.total().actualTotal()).isEqualByComparingTo("41000.00");
        assertThat(r.exclusions()).extracting(SettlementResult.Exclusion::reason)
                .containsExactly(ExclusionReason.EXPERT_REVIEW);
    }

    @Test
    void aTwoSidedContractSplitsASharedLossAmongThePartiesAndSeveralVendors() {
        Map<String, BigDecimal> vendors = new LinkedHashMap<>();
        vendors.put("V1", new BigDecimal("0.15"));
        vendors.put("V2", new BigDecimal("0.05"));
        SettlementTerms terms = new SettlementTerms(Eligibility.AI_ASSISTED, new BigDecimal("0.02"),
                SharingMethod.FIRST_DOLLAR, new BigDecimal("0.10"),
                new OutlierBounds(new BigDecimal("0.40"), new BigDecimal("3.00")),
                new PartyShares(new BigDecimal("0.50"), new BigDecimal("0.30"), null, vendors),
                "test", null, null, null, null,
                new LossTerms(new BigDecimal("0.30"), null, null, new BigDecimal("0.05")));

        SettlementResult r = Settlements.request(terms)
                .encounter("H001", "193", "9000.00")      // -456.40
                .encounter("H002", "470", "13000.00")     // 12537.85: -462.15
                .settle();

        Row total = r.total();
        // savings -918.55 is 4.36% of B: a generated loss; x 0.30 = -275.565, half up (away from zero)
        assertThat(total.savings()).isEqualByComparingTo("-918.55");
        assertThat(total.pool()).isEqualByComparingTo("-275.57");
        // 27557 cents x 0.5 / 0.3 / 0.15 / 0.05 = 13778.5 / 8267.1 / 4133.55 / 1377.85: +1 to V2 and V1
        assertThat(total.insurer()).isEqualByComparingTo("-137.78");
        assertThat(total.hospital()).isEqualByComparingTo("-82.67");
        assertThat(total.vendors()).containsEntry("V1", new BigDecimal("-41.34")).containsEntry("V2", new BigDecimal("-13.78"));
        assertThat(total.vendor()).isEqualByComparingTo("-55.12");
        assertThat(r.payments()).containsExactly(
                new SettlementResult.Payment("hospitals", "insurer", new BigDecimal("82.67")),
                new SettlementResult.Payment("V1", "insurer", new BigDecimal("41.34")),
                new SettlementResult.Payment("V2", "insurer", new BigDecimal("13.78")));
        assertThat(r.hospitals()).extracting(Row::pool).allSatisfy(p -> assertThat(p.signum()).isNegative());
        assertThat(r.hospitals().stream().map(Row::pool).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("-275.57");
        assertThat(r.hospitals().stream().map(h -> h.vendors().get("V2")).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("-13.78");
    }

    @Test
    void aQualityGateWithoutAScoreSharesNothing() {
        SettlementTerms gated = new SettlementTerms(Eligibility.AI_ASSISTED, new BigDecimal("0.02"),
                SharingMethod.FIRST_DOLLAR, new BigDecimal("0.10"),
                new OutlierBounds(new BigDecimal("0.40"), new BigDecimal("3.00")),
                new PartyShares(new BigDecimal("0.50"), new BigDecimal("0.30"), new BigDecimal("0.20")),
                "test", null, new BigDecimal("0.50"), new BigDecimal("0.30"), new BigDecimal("0.02"), null);

        SettlementResult r = Settlements.request(gated).encounter("H001", "193", "8000.00").settle();

        assertThat(r.total().savings()).isEqualByComparingTo("543.60");
        assertThat(r.total().pool()).isEqualByComparingTo("0.00");
    }

    @Test
    void aDipBaselineProratesTheScoreOfOutliersAgainstTheGroupMeanCost() {
        // G1: score 100, mean cost 10,000.00; point value 95.00; H001 coefficient 1.05 (9,975.00), H002 1 (9,500.00)
        DipBaseline dip = new DipBaseline("dip-test", 1, "sha", new BigDecimal("95.00"),
                Map.of("H001", new BigDecimal("1.05")),
                Map.of("G1", new DipBaseline.Group(new BigDecimal("100"), new BigDecimal("10000.00"))));
        SettlementTerms terms = new SettlementTerms(Eligibility.AI_ASSISTED, new BigDecimal("0.02"),
                SharingMethod.FIRST_DOLLAR, new BigDecimal("0.10"),
                new OutlierBounds(new BigDecimal("0.5"), new BigDecimal("2.0"), OutlierRule.PRORATE, new BigDecimal("5")),
                new PartyShares(new BigDecimal("0.50"), new BigDecimal("0.30"), new BigDecimal("0.20")));

        SettlementResult r = Settlements.request(terms).baseline(dip)
                .encounter("H001", "G1", "9000.00")     // ratio 0.9: 9,975.00
                .encounter("H001", "G1", "4000.00")     // ratio 0.4 < 0.5: 0.4 x 9,975.00 = 3,990.00
                .encounter("H002", "G1", "25000.00")    // ratio 2.5 > 2: (2.5 - 2 + 1) x 9,500.00 = 14,250.00
                .encounter("H002", "G1", "60000.00")    // ratio 6 > review 5
                .encounter("H002", "G9", "5000.00")     // no such group
                .settle();

        assertThat(r.hospitals().get(0).baselineTotal()).isEqualByComparingTo("13965.00");
        assertThat(r.hospitals().get(0).actualTotal()).isEqualByComparingTo("13000.00");
        assertThat(r.hospitals().get(1).baselineTotal()).isEqualByComparingTo("14250.00");
        assertThat(r.total().encounters()).isEqualTo(3);
        assertThat(r.exclusions()).extracting(SettlementResult.Exclusion::reason)
                .containsExactlyInAnyOrder(ExclusionReason.EXPERT_REVIEW, ExclusionReason.DRG_NOT_IN_TABLE);
    }

    private static SettlementTerms tableMsr() {
        return new SettlementTerms(Eligibility.AI_ASSISTED, null, SharingMethod.FIRST_DOLLAR, new BigDecimal("0.10"),
                new OutlierBounds(new BigDecimal("0.40"), new BigDecimal("3.00")),
                new PartyShares(new BigDecimal("0.50"), new BigDecimal("0.30"), new BigDecimal("0.20")),
                "mssp-track-1", null, null, null, null, null, "mssp-msr-table");
    }

    @Test
    void aTableMinimumSavingsRateGoesByTheDistinctPatientsSettled() {
        Settlements.Request request = Settlements.request(tableMsr());
        for (int i = 0; i < 6_000; i++) {
            request.encounter("H001", "193", "8000.00");
        }

        SettlementResult r = request.settle();

        assertThat(r.trace()).anySatisfy(s -> {
            assertThat(s.name()).isEqualTo("msr");
            assertThat(s.value()).isEqualTo("0.03600000000000000000");
            assertThat(s.inputs()).containsEntry("assigned", "6000");
        });
        assertThat(r.total().pool()).isEqualByComparingTo(r.total().savings());
    }

    @Test
    void aTableMinimumSavingsRateNeedsAtLeast5000Patients() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Settlements.request(tableMsr())
                        .encounter("H001", "193", "8000.00").settle())
                .hasMessageContaining("no band for 1 assigned").hasMessageContaining("give an explicit msr");
    }
}
