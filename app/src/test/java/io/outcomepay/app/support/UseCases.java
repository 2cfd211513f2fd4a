package io.outcomepay.app.support;

import io.outcomepay.analytics.auditing.VerifyingAuditChain;
import io.outcomepay.analytics.ledger.LedgerQueries;
import io.outcomepay.billing.VersionOutcome;
import io.outcomepay.billing.audit.AuditChain;
import io.outcomepay.billing.baseline.api.BaselineCommands.PublishBaselineTable;
import io.outcomepay.billing.baseline.application.PublishingBaseline;
import io.outcomepay.billing.contract.api.ContractDefinition;
import io.outcomepay.billing.contract.application.DefiningContract;
import io.outcomepay.billing.encounter.api.ClaimOutcome;
import io.outcomepay.billing.invoice.Reconciliation;
import io.outcomepay.billing.ledger.Ledger;
import io.outcomepay.billing.period.application.ClosingPeriod;
import io.outcomepay.billing.period.application.SettlingPeriod;
import io.outcomepay.billing.settlement.SettlementResult;
import io.outcomepay.billing.usage.api.AiUsage;
import io.outcomepay.claims.application.ImportingPayments;
import io.outcomepay.claims.application.IngestingClaimFile;
import io.outcomepay.claims.application.RecordingAiUsage;
import io.outcomepay.claims.intake.IngestReport;
import io.outcomepay.claims.intake.IngestingClaims;
import io.outcomepay.claims.usage.UsageEvent;
import org.springframework.stereotype.Component;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * The use cases as the integration tests call them: one short call per step a test takes, each
 * building the use case's command and calling it as the CLI and REST adapters do.
 */
@Component
public class UseCases {

    private final IngestingClaimFile ingesting;
    private final RecordingAiUsage usage;
    private final DefiningContract contracts;
    private final PublishingBaseline baselines;
    private final SettlingPeriod settling;
    private final ClosingPeriod closing;
    private final ImportingPayments payments;
    private final LedgerQueries ledger;
    private final VerifyingAuditChain audit;

    public UseCases(IngestingClaimFile ingesting, RecordingAiUsage usage, DefiningContract contracts,
                    PublishingBaseline baselines, SettlingPeriod settling, ClosingPeriod closing,
                    ImportingPayments payments, LedgerQueries ledger, VerifyingAuditChain audit) {
        this.ingesting = ingesting;
        this.usage = usage;
        this.contracts = contracts;
        this.baselines = baselines;
        this.settling = settling;
        this.closing = closing;
        this.payments = payments;
        this.ledger = ledger;
        this.audit = audit;
    }

    /** Ingests a file as `ingest FILE` does: returns when the read models hold it. */
    public IngestReport ingestCsv(Path file, IngestingClaims.Listener listener) {
        return ingesting.ingest(new IngestingClaimFile.IngestFile(file, listener, true));
    }

    /** Lands a file: returns when its events are durable, before the read models have them. */
    public IngestReport land(Path file, IngestingClaims.Listener listener) {
        return ingesting.ingest(new IngestingClaimFile.IngestFile(file, listener, false));
    }

    public ClaimOutcome recordAiUsage(UsageEvent event, AiUsage.Details details, String source, long position) {
        return usage.record(new RecordingAiUsage.RecordUsage(event, details, source, position));
    }

    public VersionOutcome publishBaseline(PublishBaselineTable table) {
        return baselines.publish(table);
    }

    public VersionOutcome createContract(ContractDefinition definition) {
        return contracts.create(definition);
    }

    public VersionOutcome amendContract(ContractDefinition definition) {
        return contracts.amend(definition);
    }

    public SettlingPeriod.Settled settle(String contractId, YearMonth period) {
        return settling.settle(contractId, period, null);
    }

    public SettlingPeriod.Settled settle(String contractId, YearMonth period, BigDecimal qualityScore) {
        return settling.settle(contractId, period, qualityScore);
    }

    public SettlingPeriod.Settled settle(String contractId, YearMonth period, BigDecimal qualityScore,
                                         SettlingPeriod.Pricing pricing) {
        return settling.settle(contractId, period, qualityScore, pricing);
    }

    public SettlementResult recalculate(String contractId, YearMonth period, BigDecimal qualityScore) {
        return settling.calculate(contractId, period, qualityScore);
    }

    /** The month's calculation as the month close runs it (set-based, named actor and reason). */
    public SettlingPeriod.Settled calculate(String contractId, YearMonth period, BigDecimal qualityScore, String actor,
                                            String reason) {
        return settling.settle(contractId, period, qualityScore, SettlingPeriod.Pricing.SET_BASED, actor, reason);
    }

    public VersionOutcome approve(String contractId, YearMonth period, String actor, String reason) {
        return closing.approve(contractId, period, actor, reason);
    }

    public ClosingPeriod.Closed close(String contractId, YearMonth period, String actor, String reason) {
        return closing.close(contractId, period, actor, reason);
    }

    public ImportingPayments.PaymentsImported importPayments(Path file) {
        return payments.importPayments(ImportingPayments.ImportPayments.file(file));
    }

    public ImportingPayments.PaymentsImported importPayments(String source, InputStream in) {
        return payments.importPayments(new ImportingPayments.ImportPayments(source, in));
    }

    public Ledger ledger(String contractId) {
        return ledger.ledger(contractId);
    }

    public List<Reconciliation.Document> invoices(YearMonth period, String contractId) {
        return ledger.documents(period, contractId);
    }

    public List<Reconciliation.Line> reconcile(YearMonth period, String contractId, LocalDate asOf) {
        return ledger.reconcile(period, contractId, asOf);
    }

    public AuditChain.Verification verifyAudit(String contractId, YearMonth period) {
        return audit.verify(contractId, period);
    }
}
