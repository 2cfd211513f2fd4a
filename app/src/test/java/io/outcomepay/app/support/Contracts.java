package io.outcomepay.app.support;

import io.outcomepay.app.contract.ContractYaml;
import io.outcomepay.billing.contract.api.ContractDefinition;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

/** Contract YAML for tests: the example terms for the given id and hospitals. */
public final class Contracts {

    private Contracts() {
    }

    public static String yaml(String id, String hospitals, String effectiveFrom, String baseRate) {
        return yaml(id, hospitals, effectiveFrom, baseRate, "INS-1");
    }

    public static String yaml(String id, String hospitals, String effectiveFrom, String baseRate, String insurer) {
        return """
                id: %s
                currency: USD
                insurer: %s
                vendor: VENDOR-1
                hospitals: [%s]
                baseline: { table: ms-drg-v43, base_rate: "%s" }
                effective_from: %s
                terms:
                  eligible: ai_assisted
                  minimum_savings_rate: "0.02"
                  sharing: first_dollar
                  cap_rate: "0.10"
                  outliers: { low: "0.40", high: "3.00" }
                  shares: { insurer: "0.50", hospital: "0.30", vendor: "0.20" }
                """.formatted(id, insurer, hospitals, baseRate, effectiveFrom);
    }

    public static ContractDefinition definition(String id, String hospitals, String effectiveFrom, String baseRate) {
        return definition(id, hospitals, effectiveFrom, baseRate, "INS-1");
    }

    public static ContractDefinition definition(String id, String hospitals, String effectiveFrom, String baseRate,
                                                String insurer) {
        return ContractYaml.read(new ByteArrayInputStream(yaml(id, hospitals, effectiveFrom, baseRate, insurer)
                .getBytes(StandardCharsets.UTF_8)), id + ".yaml");
    }
}
