package io.outcomepay.billing.settlement;

import io.outcomepay.billing.settlement.SettlementResult.ExclusionReason;
import io.outcomepay.billing.settlement.SettlementResult.Row;
import io.outcomepay.billing.settlement.SettlementTerms.SharingMethod;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import java.util.TimeZone;

import static org.assertj.core.api.Assertions.assertThat;

class SettlementEngineTest {

    /**
     * Hand-computed: baselines 193 = 1.3144 x 6500 = 8543.60, 470 = 12537.85, 871 = 12626.25.
     * H001 includes 8000.00 + 11000.00 against 21081.45 (savings 2081.45); H002 12000.00 + 9000.00
     * against 21169.85 (savings 169.85). B = 42251.30, A = 40000.00, savings 2251.30 >= 2% of B,
     * first dollar, cap 4225.13: pool 2251.30 = 1125.65 + 675.39 + 450.26.
     */
    static Settlements.Request goldenFile(SettlementTerms terms) {
        return Settlements.request(terms)
                .encounter("H001", "193", "8000.00")
                .encounter("H001", "470", "11000.00")
                .encounter("H001", "871", "3000.00")                                   // 0.2376: low outlier
                .encounter("H002", "871", "12000.00")
                .encounter("H002", "193", "9000.00")
                .encounter("H002", "999", "5000.00")                                   // weight 0
                .encounter("H001", "193", "100.00", "USD", false, LocalDate.of(2026, 1, 3))  // not AI-assisted
                .encounter("H002", "470", "40000.00")                                  // 3.19: high outlier
                .encounter("H001", "193", "8000.00", "EUR", true, LocalDate.of(2026, 1, 9))  // other currency
                .encounter("H001", "193", "8000.00", "USD", true, LocalDate.of(2026, 2, 1))  // next month
                .encounter("H009", "193", "8000.00");                                  // not a contract hospital
    }

    @Test
    void settlesTheGoldenFileToTheHandComputedFigures() {
        SettlementResult result = goldenFile(Settlements.firstDollar()).settle();

        Row total = result.total();
        assertThat(total.hospitalId()).isEqualTo("TOTAL");
        assertThat(total.encounters()).isEqualTo(4);
        assertThat(total.excluded()).isEqualTo(4);
        assertThat(total.baselineTotal()).isEqualByComparingTo("42251.30");
        assertThat(total.actualTotal()).isEqualByComparingTo("40000.00");
        assertThat(total.savings()).isEqualByComparingTo("2251.30");
        assertThat(total.savingsRate()).isEqualByComparingTo("0.053284");
        assertThat(total.pool()).isEqualByComparingTo("2251.30");
        assertThat(total.insurer()).isEqualByComparingTo("1125.65");
        assertThat(total.hospital()).isEqualByComparingTo("675.39");
        assertThat(total.vendor()).isEqualByComparingTo("450.26");
        assertThat(result.inPeriod()).isEqualTo(9);
        assertThat(result.payments()).containsExactly(
                new SettlementResult.Payment("insurer", "hospitals", new BigDecimal("675.39")),
                new SettlementResult.Payment("insurer", "VENDOR-1", new BigDecimal("450.26")));
        assertThat(result.notEligible()).isEqualTo(1);
    }

    @Test
    void splitsEachColumnOverHospitalsProRataToPositiveSavingsWithTiesToTheFirstHospitalId() {
        SettlementResult result = goldenFile(Settlements.firstDollar()).settle();

        Row h1 = result.hospitals().get(0);
        Row h2 = result.hospitals().get(1);
        assertThat(h1.hospitalId()).isEqualTo("H001");
        assertThat(h1.baselineTotal()).isEqualByComparingTo("21081.45");
        assertThat(h1.actualTotal()).isEqualByComparingTo("19000.00");
        assertThat(h1.savings()).isEqualByComparingTo("2081.45");
        assertThat(h1.encounters()).isEqualTo(2);
        assertThat(h1.excluded()).isEqualTo(2);
        assertThat(h2.savings()).isEqualByComparingTo("169.85");
        assertThat(h2.excluded()).isEqualTo(2);
        // pool 2251.30 x 2081.45 / 2251.30 exactly; insurer 1040.725 | 84.925 -> the tied cent goes to H001
        assertThat(h1.pool()).isEqualByComparingTo("2081.45");
        assertThat(h2.pool()).isEqualByComparingTo("169.85");
        assertThat(h1.insurer()).isEqualByComparingTo("1040.73");
        assertThat(h2.insurer()).isEqualByComparingTo("84.92");
        assertThat(h1.hospital()).isEqualByComparingTo("624.44");
        assertThat(h2.hospital()).isEqualByComparingTo("50.95");
        assertThat(h1.vendor()).isEqualByComparingTo("416.29");
        assertThat(h2.vendor()).isEqualByComparingTo("33.97");
        assertThat(h1.insurer().add(h2.insurer())).isEqualByComparingTo(result.total().insurer());
        assertThat(h1.hospital().add(h2.hospital())).isEqualByComparingTo(result.total().hospital());
    }

    @Test
    void listsEveryExcludedEncounterWithItsReason() {
        SettlementResult result = goldenFile(Settlements.firstDollar()).settle();

        assertThat(result.exclusions()).extracting(SettlementResult.Exclusion::encounterId, SettlementResult.Exclusion::reason)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("E003", ExclusionReason.LOW_OUTLIER),
                        org.assertj.core.groups.Tuple.tuple("E006", ExclusionReason.UNGROUPABLE),
                        org.assertj.core.groups.Tuple.tuple("E008", ExclusionReason.HIGH_OUTLIER),
                        org.assertj.core.groups.Tuple.tuple("E009", ExclusionReason.CURRENCY_MISMATCH));
        assertThat(result.exclusions().stream().filter(e -> e.reason() == ExclusionReason.CURRENCY_MISMATCH)
                .findFirst().orElseThrow().detail()).isEqualTo("claim in EUR, contract in USD");
    }

    @Test
    void aboveThresholdSharesOnlyTheSavingsBeyondTheMinimumSavingsRate() {
        SettlementResult result = goldenFile(Settlements.terms(SharingMethod.ABOVE_THRESHOLD, "0.02", "0.10")).settle();
        // 2251.30 - 0.02 x 42251.30 = 1406.274 -> 1406.27
        assertThat(result.total().pool()).isEqualByComparingTo("1406.27");
        assertThat(result.total().insurer().add(result.total().hospital()).add(result.total().vendor()))
                .isEqualByComparingTo("1406.27");
    }

    @Test
    void capsThePoolAtTheCapRateOfTheBaseline() {
        SettlementResult result = goldenFile(Settlements.terms(SharingMethod.FIRST_DOLLAR, "0.02", "0.05")).settle();
        // min(2251.30, 0.05 x 42251.30 = 2112.565) -> 2112.57 (half up)
        assertThat(result.total().pool()).isEqualByComparingTo("2112.57");
    }

    @Test
    void paysNothingWhenTheSavingsRateIsBelowTheMinimum() {
        SettlementResult result = goldenFile(Settlements.terms(SharingMethod.FIRST_DOLLAR, "0.06", "0.10")).settle();
        assertThat(result.total().savings()).isEqualByComparingTo("2251.30");
        assertThat(result.total().pool()).isEqualByComparingTo("0.00");
        assertThat(result.hospitals()).allSatisfy(r -> assertThat(r.vendor()).isEqualByComparingTo("0.00"));
        assertThat(result.trace()).anySatisfy(s -> {
            assertThat(s.name()).isEqualTo("generated");
            assertThat(s.value()).isEqualTo("0.00");
        });
    }

    @Test
    void paysNothingOnLosses() {
        SettlementResult result = Settlements.request(Settlements.firstDollar())
                .encounter("H001", "193", "9000.00").settle();
        assertThat(result.total().savings()).isEqualByComparingTo("-456.40");
        assertThat(result.total().pool()).isEqualByComparingTo("0.00");
        assertThat(result.hospitals().get(1).savingsRate()).as("H002 has no baseline").isNull();
    }

    @Test
    void givesTheSameFingerprintWhateverTheInputOrderTimeZoneAndLocale() {
        SettlementResult first = goldenFile(Settlements.firstDollar()).settle();
        Locale locale = Locale.getDefault();
        TimeZone zone = TimeZone.getDefault();
        try {
            for (String tag : new String[]{"ar-EG", "de-DE"}) {
                for (String tz : new String[]{"Asia/Kathmandu", "America/St_Johns"}) {
                    Locale.setDefault(Locale.forLanguageTag(tag));
                    TimeZone.setDefault(TimeZone.getTimeZone(tz));
                    SettlementRequest request = goldenFile(Settlements.firstDollar()).build();
                    java.util.List<EncounterLine> reversed = new java.util.ArrayList<>(request.encounters());
                    java.util.Collections.reverse(reversed);
                    SettlementResult again = SettlementEngine.settle(new SettlementRequest(request.contractId(),
                            request.contractVersion(), request.period(), request.currency(), request.hospitals(),
                            request.vendor(), request.baseline(), request.terms(), request.qualityScore(), reversed,
                            request.parties()));
                    assertThat(again).as(tag + " " + tz).isEqualTo(first);
                }
            }
        } finally {
            Locale.setDefault(locale);
            TimeZone.setDefault(zone);
        }
        assertThat(first.fingerprint()).hasSize(64).matches("[0-9a-f]{64}");
    }

    @Test
    void changesTheFingerprintWhenAnyAmountChangesByOneCent() {
        SettlementResult first = goldenFile(Settlements.firstDollar()).settle();
        SettlementResult other = goldenFile(Settlements.firstDollar()).encounter("H001", "193", "8543.60").settle();
        SettlementResult otherCent = goldenFile(Settlements.firstDollar()).encounter("H001", "193", "8543.59").settle();
        assertThat(other.fingerprint()).isNotEqualTo(first.fingerprint()).isNotEqualTo(otherCent.fingerprint());
    }

    @Test
    void comparesTheOutlierBoundsExactlyAtTheEdges() {
        // 0.40 x 8543.60 = 3417.44 is inside; one cent less is outside.
        SettlementResult edge = Settlements.request(Settlements.firstDollar())
                .encounter("H001", "193", "3417.44")
                .encounter("H001", "193", "3417.43")
                .encounter("H001", "193", "25630.80")   // exactly 3.00 x baseline: inside
                .encounter("H001", "193", "25630.81")
                .settle();
        assertThat(edge.total().encounters()).isEqualTo(2);
        assertThat(edge.exclusions()).extracting(SettlementResult.Exclusion::reason)
                .containsExactly(ExclusionReason.LOW_OUTLIER, ExclusionReason.HIGH_OUTLIER);
        assertThat(edge.total().baselineTotal()).isEqualByComparingTo(new BigDecimal("17087.20"));
    }
}
