package io.outcomepay.app.contract;

import io.outcomepay.billing.contract.api.ContractDefinition;
import io.outcomepay.billing.settlement.SettlementTerms;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContractYamlTest {

    private static ContractDefinition read(String yaml) {
        return ContractYaml.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "c.yaml");
    }

    private static final String EXAMPLE = """
            id: C-2026-001
            currency: USD
            insurer: INS-1
            vendor: VENDOR-1
            hospitals: [H001, H002, H003]
            baseline: { table: ms-drg-v43, base_rate: "6500.00" }
            effective_from: 2026-01-01
            terms:
              eligible: ai_assisted          # or: all
              minimum_savings_rate: "0.02"
              sharing: first_dollar          # or: above_threshold
              cap_rate: 0.10                 # unquoted numbers are read as exact decimals too
              outliers: { low: "0.40", high: "3.00" }
              shares: { insurer: "0.50", hospital: "0.30", vendor: "0.20" }
            """;

    @Test
    void readsPayersAndEachVendorsServicesAndNamesTheKeyOfAWrongShape() {
        String shares = "shares: { insurer: \"0.50\", hospital: \"0.30\", vendor: \"0.20\" }";
        ContractDefinition c = read(EXAMPLE.replace("vendor: VENDOR-1", "vendor: VENDOR-1\npayers: [INS-1, 310100]")
                .replace(shares, "shares: { insurer: \"0.50\", hospital: \"0.30\", vendors: "
                        + "{ V1: { share: \"0.15\", services: [seer-v3, seer-v4] }, V2: \"0.05\" } }"));

        assertThat(c.payers()).containsExactly("INS-1", "310100");
        assertThat(c.terms().shares().servicesOf("V1")).containsExactly("seer-v3", "seer-v4");
        assertThat(c.terms().shares().servicesOf("V2")).isEmpty();
        assertThat(read(EXAMPLE).payers()).as("default: the insurer").containsExactly("INS-1");
        assertThatThrownBy(() -> read(EXAMPLE.replace(shares, "shares: { insurer: \"0.50\", hospital: \"0.30\", "
                + "vendors: { V1: [\"0.20\"] } }")))
                .hasMessage("c.yaml: terms.shares.vendors.V1: must be a share (\"0.15\") or { share: \"0.15\", "
                        + "services: [name, ...] }");
        assertThatThrownBy(() -> read(EXAMPLE.replace(shares, "shares: { insurer: \"0.50\", hospital: \"0.30\", "
                + "vendors: { V1: { share: \"0.20\", service: [x] } } }")))
                .hasMessageStartingWith("c.yaml: terms.shares.vendors.V1.service: unknown key");
        assertThatThrownBy(() -> read(EXAMPLE.replace("vendor: VENDOR-1", "vendor: VENDOR-1\npayers: [INS-1, INS-1]")))
                .hasMessage("c.yaml: payers: lists 'INS-1' twice");
    }

    @Test
    void readsTheIssuesExampleContract() {
        ContractDefinition c = read(EXAMPLE);

        assertThat(c.contractId()).isEqualTo("C-2026-001");
        assertThat(c.hospitals()).isEqualTo(List.of("H001", "H002", "H003"));
        assertThat(c.baseline().baseRate()).isEqualByComparingTo("6500.00");
        assertThat(c.effectiveFrom()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(c.effectiveTo()).isNull();
        assertThat(c.terms().eligible()).isEqualTo(SettlementTerms.Eligibility.AI_ASSISTED);
        assertThat(c.terms().sharing()).isEqualTo(SettlementTerms.SharingMethod.FIRST_DOLLAR);
        assertThat(c.terms().capRate().toPlainString()).isEqualTo("0.10");
        assertThat(c.terms().shares().vendor()).isEqualByComparingTo("0.20");
    }

    @Test
    void refusesAMisspeltTermNamingFileAndKey() {
        assertThatThrownBy(() -> read(EXAMPLE.replace("cap_rate", "cap_rat")))
                .hasMessageStartingWith("c.yaml: terms.cap_rat: unknown key");
    }

    @Test
    void refusesSharesThatDoNotSumToOne() {
        assertThatThrownBy(() -> read(EXAMPLE.replace("vendor: \"0.20\"", "vendor: \"0.25\"")))
                .hasMessage("c.yaml: shares must sum to 1, they sum to 1.05");
    }

    @Test
    void refusesAnUnknownSharingMethod() {
        assertThatThrownBy(() -> read(EXAMPLE.replace("sharing: first_dollar", "sharing: last_dollar")))
                .hasMessage("c.yaml: terms.sharing: 'last_dollar' is not one of [first_dollar, above_threshold]");
    }

    @Test
    void refusesACurrencyThatIsNotIso4217() {
        assertThatThrownBy(() -> read(EXAMPLE.replace("currency: USD", "currency: DOLLARS")))
                .hasMessage("c.yaml: currency 'DOLLARS' is not an ISO 4217 code");
    }

    @Test
    void startsFromAPresetAndOverridesItsTerms() {
        ContractDefinition c = read(EXAMPLE.replace("  eligible: ai_assisted          # or: all", """
                  preset: mssp-track-2
                  eligible: ai_assisted
                  loss_cap_rate: "0.075"
                """.stripTrailing()).replace("cap_rate: 0.10 ", "cap_rate: 0.15 "));

        assertThat(c.terms().preset()).isEqualTo("mssp-track-2");
        assertThat(c.terms().maxShareRate()).isEqualByComparingTo("0.60");
        assertThat(c.terms().withhold()).isEqualByComparingTo("0.02");
        assertThat(c.terms().minimumQualityScore()).isEqualByComparingTo("0");
        assertThat(c.terms().losses().lowest()).isEqualByComparingTo("0.40");
        assertThat(c.terms().losses().highest()).isEqualByComparingTo("0.60");
        assertThat(c.terms().losses().capRate()).isEqualByComparingTo("0.075");
        assertThat(c.terms().minimumLossRate()).as("symmetric").isEqualByComparingTo("0.02");
    }

    @Test
    void readsSeveralVendorsAndOutlierRules() {
        ContractDefinition c = read(EXAMPLE
                .replace("shares: { insurer: \"0.50\", hospital: \"0.30\", vendor: \"0.20\" }",
                        "shares: { insurer: \"0.50\", hospital: \"0.30\", vendors: { V1: \"0.15\", V2: \"0.05\" } }")
                .replace("outliers: { low: \"0.40\", high: \"3.00\" }",
                        "outliers: { rule: prorate, low: \"0.5\", high: \"2.0\", review: \"5\" }"));

        assertThat(c.terms().shares().vendors()).containsOnlyKeys("V1", "V2");
        assertThat(c.terms().shares().vendor()).isEqualByComparingTo("0.20");
        assertThat(c.terms().outliers().rule()).isEqualTo(SettlementTerms.OutlierRule.PRORATE);
        assertThat(c.terms().outliers().review()).isEqualByComparingTo("5");
    }

    @Test
    void refusesAnUnknownPreset() {
        assertThatThrownBy(() -> read(EXAMPLE.replace("  eligible: ai_assisted", "  preset: mssp-track-7\n  eligible: ai_assisted")))
                .hasMessageStartingWith("c.yaml: terms.preset: unknown preset 'mssp-track-7'");
    }

    @Test
    void takesTheMinimumSavingsRateFromTheTableWhenAskedOrWhenThePresetDoes() {
        ContractDefinition named = read(EXAMPLE.replace("minimum_savings_rate: \"0.02\"", "minimum_savings_rate: table"));
        ContractDefinition preset = read(EXAMPLE.replace("  minimum_savings_rate: \"0.02\"\n", "  preset: mssp-track-1\n"));

        assertThat(named.terms().minimumSavingsRateTable()).isEqualTo("mssp-msr-table");
        assertThat(named.terms().minimumSavingsRate()).isNull();
        assertThat(preset.terms().minimumSavingsRateTable()).isEqualTo("mssp-msr-table");
        assertThat(preset.terms().withhold()).isEqualByComparingTo("0.02");
    }

    @Test
    @org.junit.jupiter.api.Timeout(10)
    void aYamlAliasBombIsRefusedWithoutExpandingIt() {
        StringBuilder bomb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            String previous = "*" + (char) (c - 1);
            bomb.append(c).append(": &").append(c).append(" [").append(String.join(",", java.util.Collections.nCopies(9, previous)))
                    .append("]\n");
        }
        bomb.append("id: *j\n");

        assertThatThrownBy(() -> ContractYaml.read(new ByteArrayInputStream(bomb.toString().getBytes(StandardCharsets.UTF_8)),
                "bomb.yaml")).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("bomb.yaml: ");
    }
}
