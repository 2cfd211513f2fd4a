package io.outcomepay.reports.audit;

import io.outcomepay.billing.contract.api.ContractDefinition;
import io.outcomepay.billing.settlement.SettlementResult;
import io.outcomepay.billing.settlement.SettlementTerms;
import io.outcomepay.reports.api.AuditInput;
import io.outcomepay.reports.api.AuditStatistics;
import io.outcomepay.reports.rendering.Item;
import io.outcomepay.reports.rendering.Language;
import io.outcomepay.reports.rendering.ReportDocument;
import io.outcomepay.reports.rendering.Section;
import io.outcomepay.reports.statement.StatementReport;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import java.util.stream.Collectors;

/**
 * The insurer's audit pack of a contract month: the method (formulas, and the contract's terms in
 * words and numbers), the full calculation trace, the statistics (savings rate interval and
 * significance, AI effect, case-mix drift with a chart, top groups), the outliers, and every
 * encounter line. The settlement fingerprint is on every page.
 */
public final class AuditPackReport {

    private AuditPackReport() {
    }

    public static ReportDocument document(AuditInput in, Language language) {
        SettlementResult result = in.result();
        List<Section<?>> sections = new ArrayList<>();
        List<Item> method = new ArrayList<>();
        if (in.changedSinceClose()) {
            method.add(Item.text(language.label("item.changed.since.close"),
                    language.label("detail.changed.since.close"), language.label("yes")));
        }
        method.addAll(method(in.contract(), language));
        sections.add(Section.of("rows", "method", language.label("audit.section.method"), Item.COLUMNS, method));
        sections.add(Section.of("rows", "trace", language.label("audit.section.trace"), Item.COLUMNS,
                trace(result, language)));
        sections.add(Section.of("rows", "statistics", language.label("audit.section.statistics"), Item.COLUMNS,
                statistics(in, language)));
        List<ChartPoint> drift = new ArrayList<>();
        if (in.statistics() != null) {
            for (AuditStatistics.Drift d : in.statistics().drift()) {
                drift.add(new ChartPoint(language.label("chart.cmi.reference", in.statistics().referencePeriod()),
                        d.hospitalId(), d.referenceCmi()));
                drift.add(new ChartPoint(language.label("chart.cmi.current", result.period()), d.hospitalId(),
                        d.currentCmi()));
            }
        }
        String casemix = language.label("audit.section.casemix");
        if (drift.isEmpty()) {
            casemix = casemix + ": " + (in.statistics() == null ? language.label("stats.unavailable")
                    : language.label("audit.casemix.none", in.statistics().referencePeriod()));
        }
        sections.add(Section.of("chart", "casemix", casemix, ChartPoint.COLUMNS, drift));
        sections.add(Section.of("lines", "outliers", language.label("audit.section.outliers"), Item.LINE_COLUMNS,
                in.outliers()));
        sections.add(new Section<>("lines", "lines", language.label("audit.section.lines"), Item.LINE_COLUMNS,
                in.lines(), true));
        return new ReportDocument(StatementReport.fileName("audit", result.contractId(), result.period()),
                language.label("audit.title"),
                language.label("audit.subject", result.contractId(), Integer.toString(result.contractVersion()),
                        result.period(), Integer.toString(in.revision()), result.currency()),
                result.fingerprint(), YearMonth.parse(result.period()).atEndOfMonth(), sections);
    }

    /** How the numbers are computed, then each term of the contract version in words and in numbers. */
    static List<Item> method(ContractDefinition contract, Language l) {
        SettlementTerms terms = contract.terms();
        ContractDefinition.BaselineReference baseline = contract.baseline();
        List<Item> items = new ArrayList<>();
        boolean dip = "dip".equals(baseline.kind());
        items.add(Item.text(l.label("method.baseline"), l.label(dip ? "method.baseline.dip" : "method.baseline.drg"),
                baseline.table()));
        if (baseline.baseRate() != null) {
            items.add(Item.money(l.label("term.base.rate"), l.label("term.base.rate.words"), baseline.baseRate()));
        }
        if (baseline.pointValue() != null) {
            items.add(Item.money(l.label("term.point.value"), l.label("term.point.value.words"), baseline.pointValue()));
        }
        items.add(Item.text(l.label("method.actual"), l.label("method.actual.words"), contract.currency()));
        items.add(Item.text(l.label("method.savings"), l.label("method.savings.words"), ""));
        items.add(Item.text(l.label("method.rate"), l.label("method.rate.words"), ""));
        items.add(Item.text(l.label("term.eligible"), l.label("term.eligible." + terms.eligible().name().toLowerCase(Locale.ROOT)),
                terms.eligible().name().toLowerCase(Locale.ROOT)));
        if (terms.minimumSavingsRate() != null) {
            items.add(Item.rate(l.label("term.msr"), l.label("term.msr.words"), terms.minimumSavingsRate()));
        } else {
            items.add(Item.text(l.label("term.msr"), l.label("term.msr.table.words"), terms.minimumSavingsRateTable()));
        }
        items.add(Item.text(l.label("term.sharing"), l.label("term.sharing." + terms.sharing().name().toLowerCase(Locale.ROOT)),
                terms.sharing().name().toLowerCase(Locale.ROOT)));
        items.add(Item.rate(l.label("term.cap"), l.label("term.cap.words"), terms.capRate()));
        items.add(Item.rate(l.label("term.outlier.low"), l.label("term.outlier.low.words"), terms.outliers().low()));
        items.add(Item.rate(l.label("term.outlier.high"), l.label("term.outlier.high.words"), terms.outliers().high()));
        items.add(Item.rate(l.label("term.share.insurer"), contract.insurer(), terms.shares().insurer()));
        items.add(Item.rate(l.label("term.share.hospital"), l.label("detail.party"), terms.shares().hospital()));
        if (terms.shares().vendors() == null || terms.shares().vendors().isEmpty()) {
            items.add(Item.rate(l.label("term.share.vendor"), contract.vendor(), terms.shares().vendor()));
        } else {
            terms.shares().vendors().forEach((vendor, share) -> items.add(Item.rate(l.label("term.share.vendor"), vendor, share)));
        }
        items.add(Item.rate(l.label("term.max.share"), l.label("term.max.share.words"), terms.maxShareRate()));
        items.add(Item.rate(l.label("term.withhold"), l.label("term.withhold.words"), terms.withhold()));
        if (terms.minimumQualityScore() != null) {
            items.add(Item.rate(l.label("term.quality"), l.label("term.quality.words"), terms.minimumQualityScore()));
        }
        if (terms.minimumLossRate() != null) {
            items.add(Item.rate(l.label("term.mlr"), l.label("term.mlr.words"), terms.minimumLossRate()));
        }
        items.add(Item.text(l.label("term.preset"), "", terms.preset()));
        return items;
    }

    /** Every step of the calculation: its formula and inputs, and its value (a number when it is one). */
    static List<Item> trace(SettlementResult result, Language l) {
        List<Item> items = new ArrayList<>();
        for (SettlementResult.TraceStep step : result.trace()) {
            String inputs = step.inputs().entrySet().stream().map(e -> e.getKey() + " = " + e.getValue())
                    .collect(Collectors.joining("; "));
            String detail = inputs.isEmpty() ? step.formula() : step.formula() + " [" + inputs + "]";
            BigDecimal number = number(step.value());
            items.add(number == null ? Item.text(step.name(), detail, step.value())
                    : new Item(step.name(), detail, null, number, Item.pattern(number.scale())));
        }
        return items;
    }

    static List<Item> statistics(AuditInput in, Language l) {
        List<Item> items = new ArrayList<>();
        AuditStatistics s = in.statistics();
        if (s == null) {
            items.add(Item.text(l.label("stats.unavailable"), in.statisticsUnavailable(), ""));
            return items;
        }
        items.add(Item.rate(l.label("stats.rate"), l.label("stats.rate.words"), s.savingsRate()));
        items.add(Item.rate(l.label("stats.rate.low"), l.label("stats.interval.words", Integer.toString(s.resamples()),
                Long.toString(s.seed())), s.savingsLow()));
        items.add(Item.rate(l.label("stats.rate.high"), "", s.savingsHigh()));
        items.add(Item.rate(l.label("stats.msr"), "", s.msr()));
        items.add(Item.rate(l.label("stats.p.above.msr"), l.label("stats.p.above.msr.words"), s.probabilityAboveMsr()));
        items.add(Item.count(l.label("stats.encounters"), "", s.encounters()));
        if (s.aiDifference() != null) {
            items.add(Item.rate(l.label("stats.ai"), l.label("stats.ai.words", Integer.toString(s.aiStrata())), s.aiDifference()));
            items.add(Item.rate(l.label("stats.ai.low"), "", s.aiLow()));
            items.add(Item.rate(l.label("stats.ai.high"), "", s.aiHigh()));
        } else {
            items.add(Item.text(l.label("stats.ai"), s.aiUnavailable(), ""));
        }
        items.add(Item.text(l.label("stats.reference"), l.label("stats.reference.words"), s.referencePeriod()));
        for (AuditStatistics.Drift d : s.drift()) {
            items.add(Item.rate(l.label("stats.cmi.change", d.hospitalId()),
                    l.label(d.flagged() ? "stats.drift.flagged" : "stats.drift.ok", d.costChange().toPlainString()),
                    d.cmiChange()));
        }
        for (AuditStatistics.TopGroup g : s.topGroups()) {
            items.add(Item.money(l.label("stats.top.group", g.group()), l.label("stats.top.group.words",
                    Integer.toString(g.encounters())), g.savings()));
        }
        return items;
    }

    private static BigDecimal number(String value) {
        if (value == null || !value.matches("-?\\d+(\\.\\d+)?")) {
            return null;
        }
        return new BigDecimal(value);
    }

    /** A bar of the chart template: series, category, value. */
    public record ChartPoint(String series, String category, BigDecimal value) {
        public static final List<Section.Column<ChartPoint>> COLUMNS = List.of(
                new Section.Column<>("series", ChartPoint::series), new Section.Column<>("category", ChartPoint::category),
                new Section.Column<>("value", ChartPoint::value),
                new Section.Column<>("format", p -> p.value() == null ? null : Item.pattern(p.value().scale())));
    }

}
