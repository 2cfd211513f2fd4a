package io.outcomepay.app.rest;

import io.outcomepay.app.config.Months;
import io.outcomepay.analytics.auditing.VerifyingAuditChain;
import io.outcomepay.billing.audit.AuditChain;
import io.outcomepay.billing.period.api.PriorPeriodAdjustment;
import io.outcomepay.billing.period.application.ClosingPeriod;
import io.outcomepay.billing.period.application.PeriodRecord;
import io.outcomepay.billing.period.application.PeriodRecords;
import io.outcomepay.billing.period.application.SettlingPeriod;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.security.Principal;
import java.util.List;
import java.util.Locale;

/**
 * A contract's months through their lifecycle. The steps (POST) need an authenticated user: the
 * actor stored on the event; the reason is required.
 */
@RestController
@RequestMapping("/api/periods/{contractId}")
public class PeriodsController {

    private final SettlingPeriod settling;
    private final ClosingPeriod closing;
    private final PeriodRecords periods;
    private final VerifyingAuditChain audit;

    public PeriodsController(SettlingPeriod settling, ClosingPeriod closing, PeriodRecords periods,
                             VerifyingAuditChain audit) {
        this.settling = settling;
        this.closing = closing;
        this.periods = periods;
        this.audit = audit;
    }

    /** A month as its events leave it. */
    public record PeriodView(String period, String status, int revision, String fingerprint, String calculatedBy,
                             String calculationReason, String approvedBy, String approvalReason, String closedBy,
                             String closeReason, String chainHead, List<PriorPeriodAdjustment> adjustments) {
        static PeriodView of(PeriodRecord p) {
            return new PeriodView(p.period().toString(), p.status().name().toLowerCase(Locale.ROOT), p.revision(),
                    p.latest().result().fingerprint(), p.latest().actor(), p.latest().reason(),
                    p.approval() == null ? null : p.approval().actor(), p.approval() == null ? null : p.approval().reason(),
                    p.closed() == null ? null : p.closed().actor(), p.closed() == null ? null : p.closed().reason(),
                    p.closed() == null ? null : p.closed().chainHead(), p.latest().adjustments());
        }
    }

    @GetMapping
    public List<PeriodView> periods(@PathVariable String contractId) {
        return periods.periods(contractId).stream().map(PeriodView::of).toList();
    }

    @GetMapping("/{period}")
    public PeriodView period(@PathVariable String contractId, @PathVariable String period) {
        return periods.period(contractId, Months.parse("period:", period)).map(PeriodView::of)
                .orElseThrow(() -> new ApiErrors.NotFound(contractId + " " + period + " has not been calculated"));
    }

    @PostMapping("/{period}/calculate")
    public SettlingPeriod.Settled calculate(@PathVariable String contractId, @PathVariable String period,
                                            @RequestParam String reason,
                                            @RequestParam(required = false) BigDecimal qualityScore, Principal user) {
        return settling.settle(contractId, Months.parse("period:", period), qualityScore, SettlingPeriod.Pricing.SET_BASED,
                user.getName(), reason);
    }

    @PostMapping("/{period}/approve")
    public PeriodView approve(@PathVariable String contractId, @PathVariable String period, @RequestParam String reason,
                              Principal user) {
        closing.approve(contractId, Months.parse("period:", period), user.getName(), reason);
        return period(contractId, period);
    }

    @PostMapping("/{period}/close")
    public ClosingPeriod.Closed close(@PathVariable String contractId, @PathVariable String period,
                                      @RequestParam String reason, Principal user) {
        return closing.close(contractId, Months.parse("period:", period), user.getName(), reason);
    }

    /** The month's audit chain recomputed from its stored events: intact, or every mismatch. */
    @GetMapping("/{period}/audit")
    public AuditChain.Verification audit(@PathVariable String contractId, @PathVariable String period) {
        return audit.verify(contractId, Months.parse("period:", period));
    }
}
