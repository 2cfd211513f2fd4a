package io.outcomepay.claims.x12;

import io.outcomepay.billing.limits.Decimals;
import io.outcomepay.billing.limits.InvalidValue;
import io.outcomepay.billing.encounter.api.Remittance;
import io.outcomepay.billing.encounter.api.SourceRef;
import io.outcomepay.claims.intake.NormalizedClaim;
import io.outcomepay.claims.intake.Rejection;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Streams an X12 835 (005010X221A1) remittance one claim (CLP) at a time. The payee (N1*PE N104)
 * is the hospital and CLP01 the hospital's claim id; allowed is AMT*AU when the claim has one,
 * otherwise the charge less its CO, OA and PI adjustments (claim and service lines). A claim whose
 * adjustments do not balance (charge - adjustments != paid) is recorded with balanced = false.
 * Positions are segment numbers.
 */
public final class RemittanceReader extends X12ClaimReader {

    private static final java.util.Currency USD = java.util.Currency.getInstance("USD");
    private static final Set<String> NOT_PATIENT_GROUPS = Set.of("CO", "OA", "PI");

    private String payee;
    private String payer;
    private Claim pending;

    private RemittanceReader(String sourceName, InputStream in, long totalBytes) {
        super(sourceName, in, totalBytes);
    }

    public static RemittanceReader open(Path file) {
        try {
            return new RemittanceReader(file.getFileName().toString(), Files.newInputStream(file), Files.size(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    public static RemittanceReader of(String sourceName, InputStream in) {
        return of(sourceName, in, -1);
    }

    /** @param totalBytes the stream's length for progress reporting, or -1 */
    public static RemittanceReader of(String sourceName, InputStream in, long totalBytes) {
        return new RemittanceReader(sourceName, in, totalBytes);
    }

    /** A claim being read: its CLP, the segment it starts at, its adjustments and AMT*AU. */
    private static final class Claim {
        final int segment;
        final List<String> clp;
        final List<Remittance.Adjustment> adjustments = new ArrayList<>();
        String allowed;
        boolean inServiceLines;
        String badAdjustment;

        Claim(int segment, List<String> clp) {
            this.segment = segment;
            this.clp = clp;
        }
    }

    @Override
    void segment(X12Segments.Segment segment) {
        segment(segment.tag(), segment.number(), segment.elements());
    }

    private void segment(String tag, int position, List<String> e) {
        switch (tag) {
            case "N1" -> {
                flush();
                if ("PE".equals(at(e, 1))) {
                    payee = at(e, 4).isBlank() ? null : at(e, 4);
                } else if ("PR".equals(at(e, 1))) {
                    // loop 1000A: the payer, by its identifier (N104), else its name (as RemittancePayments)
                    payer = !at(e, 4).isBlank() ? at(e, 4) : at(e, 2).isBlank() ? null : at(e, 2);
                }
            }
            case "CLP" -> {
                flush();
                pending = new Claim(position, List.copyOf(e));
            }
            case "CAS" -> {
                if (pending != null) {
                    for (int i = 2; i <= 17; i += 3) {
                        String reason = at(e, i);
                        String amount = at(e, i + 1);
                        if (reason.isBlank() && amount.isBlank()) {
                            continue;
                        }
                        String field = "CAS" + String.format(java.util.Locale.ROOT, "%02d", i + 1);
                        try {
                            pending.adjustments.add(new Remittance.Adjustment(at(e, 1), reason,
                                    Decimals.signedAmount(field, amount, USD)));
                        } catch (InvalidValue invalid) {
                            pending.badAdjustment = invalid.getMessage();
                        }
                    }
                }
            }
            case "AMT" -> {
                if (pending != null && !pending.inServiceLines && "AU".equals(at(e, 1))) {
                    pending.allowed = at(e, 2);
                }
            }
            case "SVC" -> {
                if (pending != null) {
                    pending.inServiceLines = true;
                }
            }
            case "ST" -> {
                flush();
                if (!"835".equals(at(e, 1))) {
                    throw new IllegalArgumentException(sourceName() + " segment " + position + ": transaction set "
                            + at(e, 1) + " is not read here (only 835 remittances)");
                }
            }
            case "LX", "SE", "PLB", "GE", "IEA" -> flush();
            default -> {
                // other segments (names, dates, references) are not needed for settlement
            }
        }
    }

    @Override
    void flush() {
        if (pending == null) {
            return;
        }
        Claim claim = pending;
        pending = null;
        String raw = "CLP*" + String.join("*", claim.clp);
        try {
            ready.add(remitted(claim));
        } catch (InvalidValue invalid) {
            ready.add(new Rejection(sourceName(), claim.segment, invalid.field(), invalid.reason(), raw));
        }
    }

    private NormalizedClaim.Remitted remitted(Claim claim) {
        if (payee == null) {
            throw new InvalidValue("N1*PE", "no payee (N1*PE with its id in N104) before the claim");
        }
        String claimId = at(claim.clp, 1);
        if (claimId.isBlank()) {
            throw new InvalidValue("CLP01", "is empty");
        }
        String status = at(claim.clp, 2);
        if (status.isBlank()) {
            throw new InvalidValue("CLP02", "is empty");
        }
        if (claim.badAdjustment != null) {
            throw new InvalidValue("CAS", claim.badAdjustment);
        }
        BigDecimal charge = amount(claim.clp, 3, true);
        BigDecimal paid = amount(claim.clp, 4, true);
        BigDecimal patient = amount(claim.clp, 5, false);
        BigDecimal adjusted = claim.adjustments.stream().map(Remittance.Adjustment::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal allowed;
        if (claim.allowed != null) {
            allowed = Decimals.signedAmount("AMT02", claim.allowed, USD);
        } else {
            allowed = charge.subtract(claim.adjustments.stream().filter(a -> NOT_PATIENT_GROUPS.contains(a.group()))
                    .map(Remittance.Adjustment::amount).reduce(BigDecimal.ZERO, BigDecimal::add)).setScale(2);
        }
        boolean balanced = charge.subtract(adjusted).compareTo(paid) == 0;
        String payerClaimId = at(claim.clp, 7).isBlank() ? null : at(claim.clp, 7);
        return new NormalizedClaim.Remitted(payee, claimId, new Remittance(payerClaimId, status, charge, paid, patient,
                allowed, claim.adjustments, balanced, payer), new SourceRef(sourceName(), claim.segment));
    }

    private static BigDecimal amount(List<String> e, int position, boolean required) {
        String value = at(e, position);
        String field = String.format(java.util.Locale.ROOT, "CLP%02d", position);
        if (value.isBlank()) {
            if (required) {
                throw new InvalidValue(field, "is empty");
            }
            return BigDecimal.ZERO.setScale(2);
        }
        return Decimals.signedAmount(field, value, USD);
    }

    private static String at(List<String> elements, int position) {
        return position <= elements.size() ? elements.get(position - 1).strip() : "";
    }

}
