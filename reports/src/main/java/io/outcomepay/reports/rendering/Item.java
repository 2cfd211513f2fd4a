package io.outcomepay.reports.rendering;

import io.outcomepay.reports.api.LineRow;

import java.math.BigDecimal;
import java.util.List;

/**
 * A row of the "rows" template: a named item, what it means or how it is computed, and its value as
 * text or as a number (a number stays a number in XLSX, formatted with {@code format}).
 */
public record Item(String item, String detail, String text, BigDecimal amount, String format) {

    public static final List<Section.Column<Item>> COLUMNS = List.of(
            new Section.Column<>("item", Item::item), new Section.Column<>("detail", Item::detail),
            new Section.Column<>("text", Item::text), new Section.Column<>("amount", Item::amount),
            new Section.Column<>("format", Item::format));

    public static final List<Section.Column<LineRow>> LINE_COLUMNS = List.of(
            new Section.Column<>("encounterId", LineRow::encounterId), new Section.Column<>("claimId", LineRow::claimId),
            new Section.Column<>("hospitalId", LineRow::hospitalId), new Section.Column<>("patient", LineRow::patient),
            new Section.Column<>("group", LineRow::group), new Section.Column<>("weight", LineRow::weight),
            new Section.Column<>("baseline", LineRow::baseline), new Section.Column<>("actual", LineRow::actual),
            new Section.Column<>("status", LineRow::status), new Section.Column<>("flags", LineRow::flags));

    public static Item text(String item, String detail, String text) {
        return new Item(item, detail, text, null, null);
    }

    /** An amount of money at its own scale (2 decimals for most currencies, 0 for some). */
    public static Item money(String item, String detail, BigDecimal amount) {
        return new Item(item, detail, null, amount, amount == null ? null : pattern(amount.scale()));
    }

    public static Item count(String item, String detail, long count) {
        return new Item(item, detail, null, BigDecimal.valueOf(count), "#,##0");
    }

    /** A rate or a probability, at its own scale (at least 4 decimals shown). */
    public static Item rate(String item, String detail, BigDecimal rate) {
        return new Item(item, detail, null, rate, rate == null ? null
                : "0." + "0".repeat(Math.max(4, rate.scale())));
    }

    /** #,##0 or #,##0.00 and so on. */
    public static String pattern(int scale) {
        return scale <= 0 ? "#,##0" : "#,##0." + "0".repeat(scale);
    }
}
