package io.outcomepay.billing.settlement;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One version of a Chinese DIP (按病种分值付费) table priced for a contract: a case's standard is
 * score x point_value x institution coefficient (1 where the hospital is not listed), and outliers
 * are measured against the group's mean cost.
 */
public record DipBaseline(String tableId, int tableVersion, String contentSha256, BigDecimal pointValue,
                          Map<String, BigDecimal> institutionCoefficients, Map<String, Group> groups)
        implements CaseBaseline {

    /** A DIP group: its score and the mean cost of its cases. */
    public record Group(BigDecimal score, BigDecimal meanCost) {
    }

    public DipBaseline {
        Objects.requireNonNull(tableId, "tableId");
        Objects.requireNonNull(contentSha256, "contentSha256");
        if (pointValue == null || pointValue.signum() <= 0) {
            throw new IllegalArgumentException("point_value must be positive");
        }
        institutionCoefficients = institutionCoefficients == null ? Map.of() : Map.copyOf(institutionCoefficients);
        groups = Map.copyOf(groups);
    }

    @Override
    public BigDecimal caseWeight(EncounterLine line) {
        Group group = line.dipGroup() == null ? null : groups.get(line.dipGroup());
        return group == null ? null : group.score();
    }

    @Override
    public Norm normFor(EncounterLine line, Currency currency) {
        Group group = line.dipGroup() == null ? null : groups.get(line.dipGroup());
        if (group == null) {
            return Norm.none(SettlementResult.ExclusionReason.DRG_NOT_IN_TABLE, "DIP group " + line.dipGroup()
                    + " not in " + tableId + " v" + tableVersion);
        }
        if (group.score().signum() == 0 || group.meanCost() == null || group.meanCost().signum() == 0) {
            return Norm.none(SettlementResult.ExclusionReason.UNGROUPABLE, "DIP group " + line.dipGroup()
                    + " has no score or mean cost");
        }
        BigDecimal coefficient = institutionCoefficients.getOrDefault(line.hospitalId(), BigDecimal.ONE);
        return Norm.of(group.meanCost(), group.score().multiply(pointValue).multiply(coefficient));
    }

    @Override
    public Map<String, Object> pricing() {
        Map<String, Object> pricing = new LinkedHashMap<>();
        pricing.put("kind", "dip");
        pricing.put("point_value", pointValue.stripTrailingZeros().toPlainString());
        Map<String, Object> coefficients = new TreeMap<>();
        institutionCoefficients.forEach((h, c) -> coefficients.put(h, c.stripTrailingZeros().toPlainString()));
        pricing.put("institution_coefficients", coefficients);
        return pricing;
    }
}
