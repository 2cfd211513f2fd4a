package io.outcomepay.claims.chs;

import io.outcomepay.billing.encounter.api.ClaimDetails;
import io.outcomepay.billing.encounter.api.SourceRef;
import io.outcomepay.claims.csv.ClaimCsvRecordParser;
import io.outcomepay.billing.limits.InvalidValue;
import io.outcomepay.claims.csv.CsvDialect;
import io.outcomepay.claims.intake.NormalizedClaim;
import io.outcomepay.claims.intake.Pseudonymizer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The Chinese medical insurance fund settlement list (医疗保障基金结算清单) as CSV: columns named by
 * the form label or the upload interface field (清单流水号 or setl_id, ...), UTF-8 or GB18030.
 * The encounter is the hospital's 就诊ID (mdtrt_id); each settlement has its own 清单流水号 (setl_id),
 * so a new one for a known encounter is a re-settlement. 医保支付方式 3 (DIP) or 4 (DRG) says what
 * the 病组病种编码 is; 金额合计 is the case's total cost; the currency is CNY.
 */
public final class SettlementListDialect implements CsvDialect {

    /** A field by its form label and its interface name(s); the first name is used in messages. */
    enum Field {
        SETTLEMENT_ID(true, "清单流水号", "setl_id", "结算ID"),
        HOSPITAL(true, "定点医疗机构代码", "fixmedins_code"),
        ENCOUNTER(true, "就诊ID", "mdtrt_id"),
        PATIENT(true, "医保编号", "hi_no"),
        ADMITTED(true, "入院时间", "adm_time"),
        DISCHARGED(true, "出院时间", "dscg_time"),
        PRINCIPAL_DX(false, "主要诊断代码", "maindiag_code"),
        PRINCIPAL_PROCEDURE(false, "主要手术及操作代码", "oprn_oprt_code"),
        GROUP(true, "病组病种编码", "dise_grp_code"),
        PAYMENT_METHOD(true, "医保支付方式", "hi_paymtd"),
        TOTAL(true, "金额合计", "medfee_sumamt"),
        FUND_PAID(true, "医保统筹基金支付", "hifp_pay"),
        PATIENT_SHARE(false, "个人负担", "psn_part_amt"),
        AI_ASSISTED(false, "AI辅助", "ai_assisted"),
        AI_SERVICE(false, "AI服务", "ai_service"),
        /** The pooling region whose fund pays (参保地医保区划): the payer, as a contract's payers name it. */
        PAYER(false, "参保地医保区划", "insuplc_admdvs");

        final boolean required;
        final List<String> names;

        Field(boolean required, String... names) {
            this.required = required;
            this.names = List.of(names);
        }

        String label() {
            return names.get(0) + " (" + names.get(1) + ")";
        }
    }

    public static final String CURRENCY = "CNY";
    private static final Pattern DATE_TIME = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})( \\d{2}:\\d{2}(:\\d{2})?)?");

    private final Predicate<String> knownDrg;
    private final Predicate<String> knownDipGroup;
    private final Pseudonymizer pseudonymizer;

    public SettlementListDialect(Predicate<String> knownDrg, Predicate<String> knownDipGroup, Pseudonymizer pseudonymizer) {
        this.knownDrg = knownDrg;
        this.knownDipGroup = knownDipGroup;
        this.pseudonymizer = pseudonymizer;
    }

    /** A header that names the settlement list's own columns (就诊ID / mdtrt_id or 清单流水号 / setl_id). */
    @Override
    public boolean recognizes(List<String> header) {
        return header.stream().anyMatch(h -> Field.ENCOUNTER.names.contains(h.strip())
                || Field.SETTLEMENT_ID.names.contains(h.strip()));
    }

    @Override
    public String missingColumn(List<String> header) {
        for (Field f : Field.values()) {
            if (f.required && f.names.stream().noneMatch(header::contains)) {
                return f.label();
            }
        }
        return null;
    }

    @Override
    public String patientColumn(List<String> header) {
        return Field.PATIENT.names.stream().filter(header::contains).findFirst().orElse(null);
    }

    @Override
    public boolean allowsGb18030() {
        return true;
    }

    @Override
    public NormalizedClaim parse(Map<String, String> row, SourceRef source) {
        String settlementId = required(row, Field.SETTLEMENT_ID);
        String hospital = required(row, Field.HOSPITAL);
        String encounter = required(row, Field.ENCOUNTER);
        String patient = required(row, Field.PATIENT);
        LocalDate admitted = date(row, Field.ADMITTED);
        LocalDate discharged = date(row, Field.DISCHARGED);
        if (discharged.isBefore(admitted)) {
            throw invalid(Field.DISCHARGED, "discharge " + discharged + " is before admission " + admitted);
        }
        String method = required(row, Field.PAYMENT_METHOD);
        String group = required(row, Field.GROUP);
        String drg = null;
        String dipGroup = null;
        switch (method) {
            case "3" -> {
                if (!knownDipGroup.test(group)) {
                    throw invalid(Field.GROUP, "unknown DIP group '" + group + "'");
                }
                dipGroup = group;
            }
            case "4" -> {
                if (!knownDrg.test(group)) {
                    throw invalid(Field.GROUP, "unknown DRG '" + group + "'");
                }
                drg = group;
            }
            default -> throw invalid(Field.PAYMENT_METHOD, "must be 3 (DIP) or 4 (DRG) for an outcome settlement, was '"
                    + method + "'");
        }
        BigDecimal total = amount(row, Field.TOTAL);
        BigDecimal fundPaid = amount(row, Field.FUND_PAID);
        if (fundPaid.compareTo(total) > 0) {
            throw invalid(Field.FUND_PAID, fundPaid.toPlainString() + " exceeds 金额合计 " + total.toPlainString());
        }
        String share = optional(row, Field.PATIENT_SHARE);
        if (share != null) {
            BigDecimal patientShare = amount(row, Field.PATIENT_SHARE);
            if (patientShare.compareTo(total) > 0) {
                throw invalid(Field.PATIENT_SHARE, patientShare.toPlainString() + " exceeds 金额合计 " + total.toPlainString());
            }
        }
        boolean ai = aiAssisted(row);
        String aiService = optional(row, Field.AI_SERVICE);
        if (ai && aiService == null) {
            aiService = "unspecified";
        }
        ClaimDetails claim = new ClaimDetails(settlementId, hospital, pseudonymizer.pseudonym(patient), admitted,
                discharged, drg, optional(row, Field.PRINCIPAL_DX), total, total, fundPaid, CURRENCY, aiService, ai,
                dipGroup, optional(row, Field.PAYER));
        return new NormalizedClaim.Settlement(encounter, claim, source);
    }

    private static boolean aiAssisted(Map<String, String> row) {
        String value = optional(row, Field.AI_ASSISTED);
        if (value == null) {
            return false;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "是", "true", "1", "y", "yes" -> true;
            case "否", "false", "0", "n", "no" -> false;
            default -> throw invalid(Field.AI_ASSISTED, "must be 是 or 否, was '" + value + "'");
        };
    }

    private static String optional(Map<String, String> row, Field field) {
        for (String name : field.names) {
            String value = row.get(name);
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return null;
    }

    private static String required(Map<String, String> row, Field field) {
        String value = optional(row, field);
        if (value == null) {
            throw invalid(field, "is empty");
        }
        return value;
    }

    private static LocalDate date(Map<String, String> row, Field field) {
        String value = required(row, field);
        var m = DATE_TIME.matcher(value);
        if (!m.matches()) {
            throw invalid(field, "'" + value + "' is not yyyy-MM-dd[ HH:mm:ss]");
        }
        try {
            return LocalDate.parse(m.group(1));
        } catch (DateTimeParseException e) {
            throw invalid(field, "'" + value + "' is not a date");
        }
    }

    private static BigDecimal amount(Map<String, String> row, Field field) {
        return io.outcomepay.billing.limits.Decimals.amount(field.label(), required(row, field),
                java.util.Currency.getInstance(CURRENCY));
    }

    private static InvalidValue invalid(Field field, String reason) {
        return new InvalidValue(field.label(), reason);
    }
}
