package io.outcomepay.claims.csv;

import java.util.List;

/** The neutral claims CSV: columns by name, in any order; other columns are ignored. */
public final class ClaimCsvColumns {

    public static final String CLAIM_ID = "claim_id";
    public static final String HOSPITAL_ID = "hospital_id";
    public static final String PATIENT_ID = "patient_id";
    public static final String ADMIT_DATE = "admit_date";
    public static final String DISCHARGE_DATE = "discharge_date";
    public static final String DRG = "drg";
    public static final String PRINCIPAL_DX = "principal_dx";
    public static final String BILLED_AMOUNT = "billed_amount";
    public static final String ALLOWED_AMOUNT = "allowed_amount";
    public static final String PAID_AMOUNT = "paid_amount";
    public static final String CURRENCY = "currency";
    public static final String AI_SERVICE = "ai_service";
    public static final String AI_ASSISTED = "ai_assisted";
    public static final String CLAIM_FREQUENCY = "claim_frequency";
    public static final String ORIGINAL_CLAIM_ID = "original_claim_id";

    /** Optional: the Chinese DIP group of a claim grouped by DIP; drg may then be empty. */
    public static final String DIP_GROUP = "dip_group";

    /** Optional: the payer (an insurer's id, as a contract's payers name it); empty: the file's --payer, else none. */
    public static final String PAYER_ID = "payer_id";

    /** Every column a file must have, in the documented order. */
    public static final List<String> ALL = List.of(CLAIM_ID, HOSPITAL_ID, PATIENT_ID, ADMIT_DATE, DISCHARGE_DATE, DRG,
            PRINCIPAL_DX, BILLED_AMOUNT, ALLOWED_AMOUNT, PAID_AMOUNT, CURRENCY, AI_SERVICE, AI_ASSISTED,
            CLAIM_FREQUENCY, ORIGINAL_CLAIM_ID);

    private ClaimCsvColumns() {
    }
}
