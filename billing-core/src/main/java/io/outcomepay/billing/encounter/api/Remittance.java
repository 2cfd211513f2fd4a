package io.outcomepay.billing.encounter.api;

import io.outcomepay.billing.settlement.Fingerprint;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The payer's word on a claim (an X12 835 CLP with its adjustments): amounts in the claim's
 * currency. {@code allowed} is the payer's covered amount (AMT*AU, or charge minus the CO, OA and
 * PI adjustments); {@code balanced} says whether charge - all adjustments = paid.
 *
 * @param status  CLP02: 1/2/3/19/20/21 processed, 4 denied, 22 reversal of a previous payment, 23/25 other
 * @param payerId the payer that remits (835 N1*PR: its N104, else its name), or null
 */
public record Remittance(String payerClaimId, String status, BigDecimal charge, BigDecimal paid,
                         BigDecimal patientResponsibility, BigDecimal allowed, List<Adjustment> adjustments,
                         boolean balanced, String payerId) {

    public Remittance {
        adjustments = List.copyOf(adjustments);
    }

    /** One CAS adjustment: group (CO, PR, OA, PI), reason code, amount. */
    public record Adjustment(String group, String reason, BigDecimal amount) {
    }

    public boolean processed() {
        return switch (status) {
            case "1", "2", "3", "19", "20", "21" -> true;
            default -> false;
        };
    }

    public boolean denied() {
        return "4".equals(status);
    }

    public boolean reversal() {
        return "22".equals(status);
    }

    public String contentSha256() {
        return Fingerprint.sha256(String.join("|", String.valueOf(payerClaimId), status, charge.toPlainString(),
                paid.toPlainString(), patientResponsibility.toPlainString(), allowed.toPlainString())
                + "|" + adjustments.stream().map(a -> a.group() + ":" + a.reason() + ":" + a.amount().toPlainString())
                .collect(Collectors.joining(",")) + (payerId == null ? "" : "|payer:" + payerId));
    }
}
