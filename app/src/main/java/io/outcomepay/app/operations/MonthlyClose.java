package io.outcomepay.app.operations;

import io.outcomepay.analytics.auditing.VerifyingAuditChain;
import io.outcomepay.analytics.ledger.LedgerQueries;
import io.outcomepay.app.reporting.ReportData;
import io.outcomepay.billing.VersionOutcome;
import io.outcomepay.billing.audit.AuditChain;
import io.outcomepay.billing.invoice.Reconciliation;
import io.outcomepay.billing.ledger.JournalEntry;
import io.outcomepay.billing.ledger.Ledger;
import io.outcomepay.billing.ledger.Postings;
import io.outcomepay.billing.payment.Payment;
import io.outcomepay.billing.payment.api.PaymentDetails;
import io.outcomepay.billing.payment.api.RecordPayment;
import io.outcomepay.billing.period.api.InvoiceDraft;
import io.outcomepay.billing.period.application.ClosingPeriod;
import io.outcomepay.billing.period.application.PeriodRecord;
import io.outcomepay.billing.period.application.PeriodRecords;
import io.outcomepay.billing.period.application.SettlingPeriod;
import io.outcomepay.claims.intake.ClaimFormat;
import io.outcomepay.claims.intake.DeadLetters;
import io.outcomepay.claims.intake.Rejection;
import io.outcomepay.claims.payments.PaymentCsv;
import io.outcomepay.claims.x12.RemittancePayments;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The monthly close for finance teams: calculate, approve, close; the ledger; payments in and
 * their reconciliation against the invoices; the audit chain's check. Every step names its actor
 * and reason.
 */
@Component
public class MonthlyClose {

    private final SettlingPeriod settling;
    private final ClosingPeriod closing;
    private final PeriodRecords periods;
    private final LedgerQueries ledger;
    private final VerifyingAuditChain audit;
    private final CommandGateway commands;
    private final DeadLetters deadLetters;
    private final Clock clock;
    private final io.outcomepay.analytics.auditing.ComputingStatistics statistics;

    public MonthlyClose(SettlingPeriod settling, ClosingPeriod closing, PeriodRecords periods, LedgerQueries ledger,
                        VerifyingAuditChain audit, CommandGateway commands, DeadLetters deadLetters, Clock clock,
                        io.outcomepay.analytics.auditing.ComputingStatistics statistics) {
        this.statistics = statistics;
        this.settling = settling;
        this.closing = closing;
        this.periods = periods;
        this.ledger = ledger;
        this.audit = audit;
        this.commands = commands;
        this.deadLetters = deadLetters;
        this.clock = clock;
    }

    public SettlingPeriod.Settled calculate(String contractId, YearMonth period, BigDecimal qualityScore, String actor,
                                            String reason) {
        return settling.settle(contractId, period, qualityScore, SettlingPeriod.Pricing.SET_BASED, actor, reason);
    }

    public VersionOutcome approve(String contractId, YearMonth period, String actor, String reason) {
        return closing.approve(contractId, period, actor, reason);
    }

    /**
     * Closes the month; first its statistics for auditors (seed and resamples as the audit pack
     * uses them) are computed and stored with the revision being closed, so its audit pack shows
     * the statistics of what was closed, whatever arrives later.
     */
    public ClosingPeriod.Closed close(String contractId, YearMonth period, String actor, String reason) {
        try {
            statistics.compute(new io.outcomepay.analytics.auditing.ComputingStatistics.Compute(contractId, period,
                    period.minusMonths(1), ReportData.SEED, ReportData.RESAMPLES));
        } catch (IllegalArgumentException | SettlingPeriod.SettlementRefused unavailable) {
            // no statistics for this month (the audit pack says why); the close does not depend on them
        }
        return closing.close(contractId, period, actor, reason);
    }

    public List<PeriodRecord> periods(String contractId) {
        return periods.periods(contractId);
    }

    public Optional<PeriodRecord> period(String contractId, YearMonth month) {
        return periods.period(contractId, month);
    }

    /** The contract's ledger (every contract: null), rebuilt from its journal entries. */
    public Ledger ledger(String contractId) {
        return Ledger.of(ledger.entries(contractId));
    }

    public List<Reconciliation.Document> invoices(YearMonth period, String contractId) {
        return ledger.documents(period, contractId);
    }

    /** @param asOf the day ages are counted to (null: today, UTC) */
    public List<Reconciliation.Line> reconcile(YearMonth period, String contractId, LocalDate asOf) {
        LedgerQueries.ReconciliationInput input = ledger.reconciliationInput(period, contractId);
        return Reconciliation.of(input.documents(), input.received(),
                asOf != null ? asOf : LocalDate.now(clock.withZone(ZoneOffset.UTC)));
    }

    public AuditChain.Verification verifyAudit(String contractId, YearMonth period) {
        return audit.verify(contractId, period);
    }

    /** What a payment file did: payments recorded, already recorded, applied to an invoice, and the rows rejected. */
    public record PaymentsImported(int read, int recorded, int duplicates, int applied, List<Rejection> rejections) {
        public String summary() {
            return "read " + read + ", recorded " + recorded + " (applied to an invoice " + applied + "), duplicate "
                    + duplicates + ", rejected " + rejections.size();
        }
    }

    public PaymentsImported importPayments(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return importPayments(file.getFileName().toString(), in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /**
     * Records each payment of a payment CSV, or of an X12 835 remittance (RemittancePayments), told
     * apart by their first bytes, once (PaymentDetails.id); a payment whose reference is the number
     * of an invoice or credit note it applies to (Reconciliation.applies) is posted to that
     * contract's ledger. A rejected row, or a payment conflicting with one recorded under the same
     * id, goes to the dead letters with its line and field; the other rows still land.
     */
    public PaymentsImported importPayments(String source, InputStream stream) {
        BufferedInputStream in = new BufferedInputStream(stream, ClaimFormat.DETECTION_BYTES);
        if (ClaimFormat.sniff(in).isRemittance()) {
            return record(source, RemittancePayments.read(source, in));
        }
        return record(source, PaymentCsv.read(source, new InputStreamReader(in, StandardCharsets.UTF_8)));
    }

    private PaymentsImported record(String source, PaymentCsv.Read read) {
        List<Rejection> rejections = new ArrayList<>(read.rejections());
        int recorded = 0;
        int duplicates = 0;
        int applied = 0;
        // the documents the file's references name, read once: recording payments issues none
        Map<String, Reconciliation.Document> documents = ledger.documents(
                read.payments().stream().map(row -> row.payment().reference()).collect(Collectors.toSet()));
        for (PaymentCsv.Row row : read.payments()) {
            PaymentDetails p = row.payment();
            String id = p.id();
            Reconciliation.Document document = Optional.ofNullable(documents.get(p.reference()))
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
