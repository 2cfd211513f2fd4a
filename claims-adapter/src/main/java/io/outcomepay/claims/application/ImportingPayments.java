package io.outcomepay.claims.application;

import io.outcomepay.billing.invoice.Reconciliation;
import io.outcomepay.billing.ledger.JournalEntry;
import io.outcomepay.billing.ledger.Postings;
import io.outcomepay.billing.payment.Payment;
import io.outcomepay.billing.payment.api.PaymentDetails;
import io.outcomepay.billing.payment.api.RecordPayment;
import io.outcomepay.billing.period.api.InvoiceDraft;
import io.outcomepay.claims.intake.ClaimFormat;
import io.outcomepay.claims.intake.Rejection;
import io.outcomepay.claims.intake.RejectionStore;
import io.outcomepay.claims.payments.PaymentCsv;
import io.outcomepay.claims.x12.RemittancePayments;
import org.axonframework.commandhandling.gateway.CommandGateway;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Importing payments: each payment of a payment CSV, or of an X12 835 remittance
 * (RemittancePayments), told apart by their first bytes, is recorded once (PaymentDetails.id); a
 * payment whose reference is the number of an invoice or credit note it applies to
 * (Reconciliation.applies) is posted to that contract's ledger. A rejected row, or a payment
 * conflicting with one recorded under the same id, goes to the dead letters with its line and
 * field; the other rows still land.
 */
public class ImportingPayments {

    /** Port: the issued invoices and credit notes with these numbers, by number. */
    public interface IssuedDocuments {
        Map<String, Reconciliation.Document> byNumber(Set<String> numbers);
    }

    /** A payment file, or a stream named by source. */
    public record ImportPayments(String source, InputStream in) {
        public static ImportPayments file(Path file) {
            try {
                return new ImportPayments(file.getFileName().toString(), Files.newInputStream(file));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
    }

    /** What a payment file did: payments recorded, already recorded, applied to an invoice, and the rows rejected. */
    public record PaymentsImported(int read, int recorded, int duplicates, int applied, List<Rejection> rejections) {
        public String summary() {
            return "read " + read + ", recorded " + recorded + " (applied to an invoice " + applied + "), duplicate "
                    + duplicates + ", rejected " + rejections.size();
        }
    }

    private final CommandGateway commands;
    private final IssuedDocuments documents;
    private final RejectionStore deadLetters;

    public ImportingPayments(CommandGateway commands, IssuedDocuments documents, RejectionStore deadLetters) {
        this.commands = commands;
        this.documents = documents;
        this.deadLetters = deadLetters;
    }

    public PaymentsImported importPayments(ImportPayments command) {
        String source = command.source();
        try (BufferedInputStream in = new BufferedInputStream(command.in(), ClaimFormat.DETECTION_BYTES)) {
            if (ClaimFormat.sniff(in).isRemittance()) {
                return record(source, RemittancePayments.read(source, in));
            }
            return record(source, PaymentCsv.read(source, new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source, e);
        }
    }

    private PaymentsImported record(String source, PaymentCsv.Read read) {
        List<Rejection> rejections = new ArrayList<>(read.rejections());
        int recorded = 0;
        int duplicates = 0;
        int applied = 0;
        // the documents the file's references name, read once: recording payments issues none
        Map<String, Reconciliation.Document> named = documents.byNumber(
                read.payments().stream().map(row -> row.payment().reference()).collect(Collectors.toSet()));
        for (PaymentCsv.Row row : read.payments()) {
            PaymentDetails p = row.payment();
            String id = p.id();
            Reconciliation.Document document = Optional.ofNullable(named.get(p.reference()))
                    .filter(d -> Reconciliation.applies(d, p.payer(), p.payee(), p.currency())).orElse(null);
            JournalEntry entry = document == null ? null : Postings.payment(id, document.contractId(), document.period(),
                    document.number(), document.correctedPeriod() != null || document.kind() == InvoiceDraft.DocumentKind.CREDIT_NOTE,
                    p.payer(), p.payee(), p.currency(), p.amount());
            try {
                boolean fresh = commands.sendAndWait(new RecordPayment(id, p, source, document == null ? null : document.number(),
                        document == null ? null : document.contractId(), entry));
                if (fresh) {
                    recorded++;
                    applied += document == null ? 0 : 1;
                } else {
                    duplicates++;
                }
            } catch (Payment.PaymentConflict conflict) {
                rejections.add(new Rejection(source, row.line(), "reference", conflict.getMessage(),
                        String.join(",", p.reference(), p.payer(), p.payee(), p.amount().toPlainString(), p.currency(),
                                p.paidOn().toString())));
            }
        }
        deadLetters.store(rejections);
        return new PaymentsImported(read.payments().size() + read.rejections().size(), recorded, duplicates, applied,
                List.copyOf(rejections));
    }
}
