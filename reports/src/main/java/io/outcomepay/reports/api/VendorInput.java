package io.outcomepay.reports.api;

import java.math.BigDecimal;
import java.util.List;

/** A vendor's revenue per hospital and month over a range of months, with what the payer has paid. */
public record VendorInput(String vendorId, String from, String to, List<Line> lines) {

    public VendorInput {
        lines = List.copyOf(lines);
    }

    /**
     * @param share        the vendor's share in the month's latest settled revision
     * @param paidClaims   encounters of the month whose claim a remittance (835) paid
     * @param paidAmount   what those remittances paid
     * @param unpaidClaims encounters with no payment yet
     */
    public record Line(String contractId, String hospitalId, String month, String currency, int revision,
                       int encounters, BigDecimal share, int paidClaims, BigDecimal paidAmount, int unpaidClaims,
                       String fingerprint) {
    }
}
