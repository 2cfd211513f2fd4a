package io.outcomepay.reports.statement;

import io.outcomepay.billing.contract.api.ContractDefinition;
import io.outcomepay.billing.ledger.Obligation;
import io.outcomepay.billing.period.api.PriorPeriodAdjustment;
import io.outcomepay.billing.settlement.SettlementResult;
import io.outcomepay.reports.api.GroupTotal;
import io.outcomepay.reports.api.StatementInput;
import io.outcomepay.reports.rendering.Item;
import io.outcomepay.reports.rendering.Language;
import io.outcomepay.reports.rendering.ReportDocument;
import io.outcomepay.reports.rendering.Section;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The hospital monthly settlement statement: who the parties are, the contract month and its terms
 * version, the hospital's totals and whether the contract's minimum savings rate was met, the split
 * of the hospital's pool to each party and the payments, its groups, and its corrected encounters.
 */
public final class StatementReport {

    private StatementReport() {
    }

    public static ReportDocument document(StatementInput in, Language language) {
        SettlementResult result = in.result();
        SettlementResult.Row row = result.hospitals().stream().filter(r -> r.hospitalId().equals(in.hospitalId()))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("hospital: " + in.hospitalId()
                        + " is not in the settlement of " + result.contractId() + " " + result.period()));
        List<Section<?>> sections = new ArrayList<>();
        sections.add(Section.of("rows", "summary", language.label("statement.section.summary"), Item.COLUMNS,
                summary(in, row, language)));
        sections.add(Section.of("groups", "groups", language.label("statement.section.groups"), List.of(
                new Section.Column<GroupTotal>("group", GroupTotal::group),
                new Section.Column<GroupTotal>("encounters", GroupTotal::encounters),
                new Section.Column<GroupTotal>("baseline", GroupTotal::baseline),
                new Section.Column<GroupTotal>("actual", GroupTotal::actual),
                new Section.Column<GroupTotal>("savings", GroupTotal::savings)), in.groups()));
        sections.add(Section.of("lines", "corrections", language.label("statement.section.corrections"),
                Item.LINE_COLUMNS, in.corrections()));
        sections.add(Section.of("rows", "adjustments", language.label("statement.section.adjustments"), Item.COLUMNS,
                adjustments(in, language)));
        return new ReportDocument(fileName("statement", result.contractId(), result.period(), in.hospitalId()),
                language.label("statement.title"),
                language.label("statement.subject", result.contractId(), Integer.toString(result.contractVersion()),
                        result.period(), in.hospitalId(), Integer.toString(in.revision()), result.currency()),
                result.fingerprint(), YearMonth.parse(result.period()).atEndOfMonth(), sections);
    }

    private static List<Item> summary(StatementInput in, SettlementResult.Row row, Language l) {
        SettlementResult result = in.result();
        ContractDefinition contract = in.contract();
        List<Item> items = new ArrayList<>();
        items.add(Item.text(l.label("item.insurer"), l.label("detail.party"), contract.insurer()));
        items.add(Item.text(l.label("item.hospital"), l.label("detail.party"), in.hospitalId()));
        items.add(Item.text(l.label("item.vendor"), l.label("detail.party"), contract.vendor()));
        items.add(Item.text(l.label("item.contract"), l.label("detail.terms.version", Integer.toString(result.contractVersion())),
                result.contractId()));
        items.add(Item.text(l.label("item.period"), l.label("detail.revision", Integer.toString(in.revision())),
                result.period()));
        items.add(Item.text(l.label("item.baseline.table"), "", result.baselineTable() + " v" + result.baselineTableVersion()));
        items.add(Item.text(l.label("item.status"), in.chainHead() == null ? "" : l.label("detail.chain.head", in.chainHead()),
                l.label("status." + in.status())));
        if (in.changedSinceClose()) {
            items.add(Item.text(l.label("item.changed.since.close"),
                    l.label("detail.changed.since.close"), l.label("yes")));
        }
        items.add(Item.count(l.label("item.encounters"), l.label("detail.encounters"), row.encounters()));
        items.add(Item.count(l.label("item.excluded"), l.label("detail.excluded"), row.excluded()));
        items.add(Item.money(l.label("item.baseline"), l.label("detail.baseline"), row.baselineTotal()));
        items.add(Item.money(l.label("item.actual"), l.label("detail.actual"), row.actualTotal()));
        items.add(Item.money(l.label("item.savings"), l.label("detail.savings"), row.savings()));
        items.add(Item.rate(l.label("item.savings.rate"), l.label("detail.savings.rate"), row.savingsRate()));
        String msr = step(result, "msr");
        if (msr != null) {
            items.add(Item.rate(l.label("item.msr"), l.label("detail.msr"), new BigDecimal(msr)));
        }
        String generated = step(result, "generated");
        if (generated != null) {
            items.add(Item.text(l.label("item.threshold.met"), l.label("detail.threshold.met"),
                    l.label(new BigDecimal(generated).signum() != 0 ? "yes" : "no")));
        }
        items.add(Item.money(l.label("item.pool"), l.label("detail.pool"), row.pool()));
        items.add(Item.money(l.label("item.share.insurer"), contract.insurer(), row.insurer()));
        items.add(Item.money(l.label("item.share.hospital"), in.hospitalId(), row.hospital()));
        if (row.vendors().isEmpty()) {
            items.add(Item.money(l.label("item.share.vendor"), contract.vendor(), row.vendor()));
        } else {
            for (Map.Entry<String, BigDecimal> vendor : row.vendors().entrySet()) {
                items.add(Item.money(l.label("item.share.vendor"), vendor.getKey(), vendor.getValue()));
            }
        }
        return items;
    }

    /**
     * The prior-period adjustments the month carries, apart from its own result: for each corrected
     * month, the savings settled and now, and each change of what this hospital is owed or owes.
     */
    private static List<Item> adjustments(StatementInput in, Language l) {
        List<Item> items = new ArrayList<>();
        for (PriorPeriodAdjustment a : in.adjustments()) {
            items.add(Item.money(l.label("item.adjustment.savings", a.correctedPeriod()),
                    l.label("detail.adjustment.savings", a.settledSavings().toPlainString(), Integer.toString(a.closedRevision())),
                    a.resettledSavings()));
            for (Obligation o : a.delta()) {
                if (o.payee().equals(in.hospitalId())) {
                    items.add(Item.money(l.label("item.adjustment.owed.to", a.correctedPeriod()),
                            l.label("detail.adjustment.by", o.payer()), o.amount()));
                } else if (o.payer().equals(in.hospitalId())) {
                    items.add(Item.money(l.label("item.adjustment.owed.by", a.correctedPeriod()),
                            l.label("detail.adjustment.to", o.payee()), o.amount()));
                }
            }
        }
        if (items.isEmpty()) {
            items.add(Item.text(l.label("item.adjustment.none"), "", "-"));
        }
        return items;
    }

    /** The value of a trace step of the contract's calculation, or null. */
    static String step(SettlementResult result, String name) {
        return result.trace().stream().filter(s -> s.name().equals(name)).map(SettlementResult.TraceStep::value)
                .findFirst().orElse(null);
    }

    /** A file name of ASCII letters, digits, '-' and '_' only. */
    public static String fileName(String... parts) {
        return String.join("-", parts).replaceAll("[^A-Za-z0-9_-]", "_");
    }
}
