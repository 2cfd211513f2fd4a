package io.outcomepay.claims.x12;

import io.outcomepay.billing.limits.Decimals;
import io.outcomepay.billing.limits.InvalidValue;
import io.outcomepay.billing.limits.Limits;
import io.outcomepay.billing.payment.api.PaymentDetails;
import io.outcomepay.claims.intake.ClaimFormat;
import io.outcomepay.claims.intake.Rejection;
import io.outcomepay.claims.payments.PaymentCsv;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * The payments an X12 835 states, one per transaction set (ST..SE) that moves money: the amount
 * BPR02, paid on BPR16 (CCYYMMDD), the reference TRN02 (the check or EFT trace number, or the
 * invoice number the payer quotes), the payer N1*PR (its id N104, else its name N102), the payee
 * N1*PE N104, the currency CUR02 when a CUR segment names one, else USD. A transaction set paying
 * nothing (BPR02 = 0) states no payment; one missing a part is rejected naming its ST segment and
 * the element.
 */
public final class RemittancePayments {

    private static final DateTimeFormatter CCYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;

    private RemittancePayments() {
    }

    public static PaymentCsv.Read read(String source, InputStream in) {
        List<PaymentCsv.Row> payments = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        try (X12Segments segments = new X12Segments(source, in)) {
            Transaction t = null;
            for (X12Segments.Segment s = segments.next(); s != null; s = segments.next()) {
                switch (s.tag()) {
                    case "ST" -> t = "835".equals(s.at(1)) ? new Transaction(s.number()) : null;
                    case "BPR" -> {
                        if (t != null) {
                            t.amount = s.at(2);
                            t.paidOn = s.at(16);
                        }
                    }
                    case "TRN" -> {
                        if (t != null && t.reference == null) {
                            t.reference = s.at(2);
                        }
                    }
                    case "CUR" -> {
                        if (t != null && "PR".equals(s.at(1))) {
                            t.currency = s.at(2);
                        }
                    }
                    case "N1" -> {
                        if (t != null && "PR".equals(s.at(1))) {
                            t.payer = !s.at(4).isBlank() ? s.at(4) : s.at(2);
                        } else if (t != null && "PE".equals(s.at(1))) {
                            t.payee = s.at(4);
                        }
                    }
                    case "SE" -> {
                        if (t != null) {
                            try {
                                PaymentDetails payment = t.payment();
                                if (payment != null) {
                                    payments.add(new PaymentCsv.Row(t.segment, payment));
                                }
                            } catch (InvalidValue e) {
                                rejections.add(new Rejection(source, t.segment, e.field(), e.reason(), t.describe()));
                            }
                            t = null;
                        }
                    }
                    default -> {
                        // claims (CLP...) are read by RemittanceReader
                    }
                }
            }
        }
        return new PaymentCsv.Read(payments, rejections);
    }

    private static final class Transaction {
        final int segment;
        String amount;
        String paidOn;
        String reference;
        String currency = "USD";
        String payer;
        String payee;

        Transaction(int segment) {
            this.segment = segment;
        }

        PaymentDetails payment() {
            if (amount == null || amount.isBlank()) {
                throw new InvalidValue("BPR02", "no amount (or the transaction set has no BPR)");
            }
            Limits.currencyDigits("CUR02", currency);
            Currency code = Currency.getInstance(currency);
            BigDecimal value = Decimals.signedAmount("BPR02", amount, code);
            if (value.signum() <= 0) {
                return null;
            }
            LocalDate date;
            try {
                date = LocalDate.parse(paidOn == null ? "" : paidOn, CCYYMMDD);
            } catch (DateTimeParseException e) {
                throw new InvalidValue("BPR16", "'" + paidOn + "' is not a date CCYYMMDD");
            }
            if (reference == null || reference.isBlank()) {
                throw new InvalidValue("TRN02", "no reference (TRN02) for the payment");
            }
            if (payer == null || payer.isBlank()) {
                throw new InvalidValue("N1*PR", "no payer (N1*PR with its id in N104 or its name in N102)");
            }
            if (payee == null || payee.isBlank()) {
                throw new InvalidValue("N1*PE", "no payee (N1*PE with its id in N104)");
            }
            PaymentDetails payment = new PaymentDetails(reference, payer, payee, value, code.getCurrencyCode(), date);
            Limits.payment(payment);
            return payment;
        }

        String describe() {
            return "BPR02=" + amount + " BPR16=" + paidOn + " TRN02=" + reference + " N1*PR=" + payer + " N1*PE=" + payee;
        }
    }
}
