package io.outcomepay.billing.period.application;

import io.outcomepay.billing.VersionOutcome;
import io.outcomepay.billing.invoice.api.IssueInvoice;
import io.outcomepay.billing.ledger.Obligation;
import io.outcomepay.billing.period.SettlementPeriodId;
import io.outcomepay.billing.period.api.InvoiceDraft;
import io.outcomepay.billing.period.api.PeriodRefused;
import io.outcomepay.billing.period.api.PriorPeriodAdjustment;
import io.outcomepay.billing.period.api.SettlementPeriodCommands.ApprovePeriod;
import io.outcomepay.billing.period.api.SettlementPeriodCommands.ClosePeriod;
import io.outcomepay.billing.settlement.SettlementResult;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Approving and closing contract months. Months close in order: every earlier month that was
 * calculated must be closed, and once a month is closed the next close is the month after it.
 * Closing issues, from the receiving party to the paying party: an invoice for each obligation of
 * the month's own result; for each prior-period adjustment it carries, an invoice for a positive
 * change, or a credit note referencing the corrected month's invoice for a negative one.
 */
public class ClosingPeriod {

    private static final int ISSUE_ATTEMPTS = 50;

    private final PeriodRecords periods;
    private final InvoiceRegister invoices;
    private final CommandGateway commands;
    private final Clock clock;
    private final BeforeClose beforeClose;

    /** Port: what is kept of a month just before its close is decided (the auditors' statistics of it). */
    public interface BeforeClose {
        void beforeClose(String contractId, YearMonth period);
    }

    public ClosingPeriod(PeriodRecords periods, InvoiceRegister invoices, CommandGateway commands, Clock clock,
                         BeforeClose beforeClose) {
        this.periods = periods;
        this.invoices = invoices;
        this.commands = commands;
        this.clock = clock;
        this.beforeClose = beforeClose;
    }

    public VersionOutcome approve(String contractId, YearMonth period, String actor, String reason) {
        return commands.sendAndWait(new ApprovePeriod(SettlementPeriodId.of(contractId, period), actor, reason));
    }

    /** An issued document: its number and what it bills. */
    public record Issued(String number, InvoiceDraft draft) {
    }

    /** A closed month: its revision and the documents its close issued. */
    public record Closed(int revision, List<Issued> documents) {
    }

    public Closed close(String contractId, YearMonth period, String actor, String reason) {
        beforeClose.beforeClose(contractId, period);
        String id = SettlementPeriodId.of(contractId, period);
        List<PeriodRecord> months = periods.periods(contractId);
        PeriodRecord month = months.stream().filter(p -> p.period().equals(period)).findFirst()
                .orElseThrow(() -> new PeriodRefused(id + " has not been calculated: calculate and approve it first"));
        if (month.closed() != null) {
            issue(month.closed().invoices());
            throw new PeriodRefused(id + " is closed already (revision " + month.revision() + ", by "
                    + month.closed().actor() + ")");
        }
        for (PeriodRecord earlier : months) {
            if (earlier.period().isBefore(period) && earlier.closed() == null) {
                throw new PeriodRefused("months close in order: " + SettlementPeriodId.of(contractId, earlier.period())
                        + " is " + earlier.status().name().toLowerCase(java.util.Locale.ROOT) + "; close it before " + period);
            }
        }
        YearMonth lastClosed = SettlingPeriod.lastClosed(months);
        if (lastClosed != null && !period.equals(lastClosed.plusMonths(1))) {
            throw new PeriodRefused("months close in order: the contract's last closed month is " + lastClosed
                    + "; " + lastClosed.plusMonths(1) + " closes next (calculate and approve it first)");
        }
        List<InvoiceDraft> drafts = month.latest() == null ? List.of() : drafts(month, months);
        VersionOutcome closed = commands.sendAndWait(new ClosePeriod(id, actor, reason, drafts));
        return new Closed(closed.version(), issue(drafts));
    }

    /** Numbers each draft in its issuer's book (again: the number it has), retrying when another close took the number. */
    private List<Issued> issue(List<InvoiceDraft> drafts) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        List<Issued> issued = new ArrayList<>();
        for (InvoiceDraft draft : drafts) {
            for (int attempt = 1; ; attempt++) {
                try {
                    String number = commands.sendAndWait(new IssueInvoice(IssueInvoice.bookOf(draft.issuer()), draft, today));
                    issued.add(new Issued(number, draft));
                    break;
                } catch (ConcurrencyException e) {
                    if (attempt == ISSUE_ATTEMPTS) {
                        throw e;
                    }
                }
            }
        }
        return issued;
    }

    private List<InvoiceDraft> drafts(PeriodRecord month, List<PeriodRecord> months) {
        SettlementResult result = month.latest().result();
        String contractId = result.contractId();
        String period = result.period();
        List<InvoiceDraft> drafts = new ArrayList<>();
        for (Obligation o : month.obligations()) {
            drafts.add(new InvoiceDraft(ownKey(contractId, period, o), InvoiceDraft.DocumentKind.INVOICE, o.payee(), o.payer(),
                    contractId, period, null, null, o.amount(), result.currency()));
        }
        for (PriorPeriodAdjustment adjustment : month.latest().adjustments()) {
            for (Obligation o : adjustment.delta()) {
                String key = adjustmentKey(contractId, period, adjustment.correctedPeriod(), o);
                if (o.amount().signum() > 0) {
                    drafts.add(new InvoiceDraft(key, InvoiceDraft.DocumentKind.INVOICE, o.payee(), o.payer(), contractId,
                            period, adjustment.correctedPeriod(), null, o.amount(), result.currency()));
                } else {
                    drafts.add(new InvoiceDraft(key, InvoiceDraft.DocumentKind.CREDIT_NOTE, o.payee(), o.payer(), contractId,
                            period, adjustment.correctedPeriod(), credited(contractId, adjustment.correctedPeriod(), o, months),
                            o.amount().negate(), result.currency()));
                }
            }
        }
        return drafts;
    }

    /** The latest invoice the payee issued the payer for the corrected month: its own, or a later adjustment's. */
    private String credited(String contractId, String correctedPeriod, Obligation o, List<PeriodRecord> months) {
        String number = invoices.numberOf(ownKey(contractId, correctedPeriod, o)).orElse(null);
        for (PeriodRecord carrier : months) {
            if (carrier.closed() != null) {
                String adjusted = invoices.numberOf(adjustmentKey(contractId, carrier.period().toString(), correctedPeriod, o))
                        .orElse(null);
                if (adjusted != null) {
                    number = adjusted;
                }
            }
        }
        return number;
    }

    static String ownKey(String contractId, String period, Obligation o) {
        return contractId + "@" + period + "/own/" + o.payer() + ">" + o.payee();
    }

    static String adjustmentKey(String contractId, String period, String correctedPeriod, Obligation o) {
        return contractId + "@" + period + "/adjusts/" + correctedPeriod + "/" + o.payer() + ">" + o.payee();
    }
}
