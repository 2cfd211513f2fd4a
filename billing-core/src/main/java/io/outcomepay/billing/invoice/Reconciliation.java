package io.outcomepay.billing.invoice;

import io.outcomepay.billing.period.api.InvoiceDraft.DocumentKind;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Payments matched to the invoices of a month's close. A payment is applied to the document whose
 * number is its reference, when its payer is the billed party, its payee the issuer and its
 * currency the document's; any other payment is unmatched. Per invoice:
 * <pre>
 * outstanding = invoiced - credited (credit notes referencing it) - paid + refunded (paid back on those credit notes)
 * matched: outstanding = 0;  partial: paid > 0 and outstanding > 0;  unpaid: paid = 0 and outstanding > 0;
 * overpaid: outstanding < 0
 * age = days from the issue date to the as-of date, for what is outstanding:
 *       0-30, 31-60, 61-90, over 90
 * </pre>
 * A credit note lowers what the invoice it references is owed (its line shows no outstanding amount
 * of its own: a credit note of this close for an earlier close's invoice shows there); one that
 * references no invoice is owed back by its issuer. Credit notes are listed after the invoice
 * they credit, those of earlier invoices after the invoices, unmatched payments last.
 */
public final class Reconciliation {

    private Reconciliation() {
    }

    public record Document(String number, DocumentKind kind, String issuer, String billedTo, String contractId,
                           String period, String correctedPeriod, String referencesInvoice, BigDecimal amount,
                           String currency, LocalDate issuedOn) {
    }

    public record Received(String reference, String payer, String payee, BigDecimal amount, String currency,
                           LocalDate paidOn, String appliedTo) {
    }

    public enum Category {
        MATCHED, PARTIAL, UNPAID, OVERPAID, CREDIT_NOTE, UNMATCHED;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    public record Line(Category category, String document, String issuer, String billedTo, String contractId,
                       String period, String correctedPeriod, String references, String currency, BigDecimal invoiced,
                       BigDecimal credited, BigDecimal paid, BigDecimal outstanding, LocalDate issuedOn, Integer ageDays,
                       String ageing, List<String> payments) {
    }

    /** Whether a payment applies to a document (see the class comment). */
    public static boolean applies(Document document, String payer, String payee, String currency) {
        return document.billedTo().equals(payer) && document.issuer().equals(payee) && document.currency().equals(currency);
    }

    /**
     * @param documents the documents issued by the month's close
     * @param received  the payments applied to them and every unmatched payment
     */
    public static List<Line> of(List<Document> documents, List<Received> received, LocalDate asOf) {
        Map<String, List<Received>> paid = new LinkedHashMap<>();
        for (Received r : received) {
            if (r.appliedTo() != null) {
                paid.computeIfAbsent(r.appliedTo(), n -> new ArrayList<>()).add(r);
            }
        }
        Map<String, List<Document>> credits = new LinkedHashMap<>();
        List<Document> invoices = new ArrayList<>();
        for (Document d : documents) {
            if (d.kind() == DocumentKind.CREDIT_NOTE && d.referencesInvoice() != null) {
                credits.computeIfAbsent(d.referencesInvoice(), n -> new ArrayList<>()).add(d);
            }
            if (d.kind() == DocumentKind.INVOICE) {
                invoices.add(d);
            }
        }
        List<Line> lines = new ArrayList<>();
        for (Document invoice : sorted(invoices)) {
            List<Document> credited = credits.getOrDefault(invoice.number(), List.of());
            List<Received> refunds = credited.stream().flatMap(c -> paid.getOrDefault(c.number(), List.of()).stream()).toList();
            lines.add(invoiceLine(invoice, credited, paid.getOrDefault(invoice.number(), List.of()), refunds, asOf));
            for (Document credit : sorted(credits.getOrDefault(invoice.number(), List.of()))) {
                lines.add(creditLine(credit, paid.getOrDefault(credit.number(), List.of())));
            }
        }
        for (Document d : sorted(documents)) {
            boolean listed = d.kind() == DocumentKind.INVOICE
                    || (d.referencesInvoice() != null && invoices.stream().anyMatch(i -> i.number().equals(d.referencesInvoice())));
            if (!listed) {
                // a credit note of this close for an invoice of an earlier close
                lines.add(creditLine(d, paid.getOrDefault(d.number(), List.of())));
            }
        }
        for (Received r : received) {
            if (r.appliedTo() == null) {
                BigDecimal zero = BigDecimal.ZERO.setScale(r.amount().scale());
                lines.add(new Line(Category.UNMATCHED, null, r.payee(), r.payer(), null, null, null, r.reference(),
                        r.currency(), zero, zero, r.amount(), r.amount().negate(), null, null, null,
                        List.of(describe(r))));
            }
        }
        return List.copyOf(lines);
    }

    private static Line invoiceLine(Document invoice, List<Document> credits, List<Received> payments,
                                    List<Received> refunds, LocalDate asOf) {
        BigDecimal credited = credits.stream().map(Document::amount).reduce(zero(invoice), BigDecimal::add);
        BigDecimal paid = payments.stream().map(Received::amount).reduce(zero(invoice), BigDecimal::add);
        BigDecimal refunded = refunds.stream().map(Received::amount).reduce(zero(invoice), BigDecimal::add);
        BigDecimal outstanding = invoice.amount().subtract(credited).subtract(paid).add(refunded);
        Category category = outstanding.signum() < 0 ? Category.OVERPAID
                : outstanding.signum() == 0 ? Category.MATCHED
                : paid.signum() > 0 ? Category.PARTIAL : Category.UNPAID;
        Integer age = null;
        String ageing = null;
        if (outstanding.signum() > 0) {
            age = (int) ChronoUnit.DAYS.between(invoice.issuedOn(), asOf);
            ageing = age <= 30 ? "0-30" : age <= 60 ? "31-60" : age <= 90 ? "61-90" : "over 90";
        }
        return new Line(category, invoice.number(), invoice.issuer(), invoice.billedTo(), invoice.contractId(),
                invoice.period(), invoice.correctedPeriod(), null, invoice.currency(), invoice.amount(), credited, paid,
                outstanding, invoice.issuedOn(), age, ageing, payments.stream().map(Reconciliation::describe).toList());
    }

    private static Line creditLine(Document credit, List<Received> refunds) {
        BigDecimal refunded = refunds.stream().map(Received::amount).reduce(zero(credit), BigDecimal::add);
        BigDecimal outstanding = credit.referencesInvoice() != null ? zero(credit) : credit.amount().negate().add(refunded);
        return new Line(Category.CREDIT_NOTE, credit.number(), credit.issuer(), credit.billedTo(), credit.contractId(),
                credit.period(), credit.correctedPeriod(), credit.referencesInvoice(), credit.currency(),
                credit.amount().negate(), zero(credit), refunded, outstanding,
                credit.issuedOn(), null, null, refunds.stream().map(Reconciliation::describe).toList());
    }

    private static BigDecimal zero(Document d) {
        return BigDecimal.ZERO.setScale(d.amount().scale());
    }

    private static String describe(Received r) {
        return r.reference() + " " + r.amount().toPlainString() + " " + r.currency() + " on " + r.paidOn();
    }

    private static List<Document> sorted(List<Document> documents) {
        List<Document> sorted = new ArrayList<>(documents);
        sorted.sort(Comparator.comparing(Document::issuer).thenComparing(Document::number));
        return sorted;
    }
}
