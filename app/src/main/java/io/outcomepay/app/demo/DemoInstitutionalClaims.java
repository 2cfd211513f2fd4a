package io.outcomepay.app.demo;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the claims of a demo CSV as an X12 837I (005010X223A2) interchange, streaming: one
 * billing provider and one subscriber loop per claim, transaction sets of at most
 * {@code claimsPerSet} claims (the guide's limit is 5,000). Replacements and voids carry frequency
 * 7 or 8 and the original claim in REF*F8. Rows the CSV reader would refuse are carried over as
 * they are, so the 837I reader refuses them too.
 */
public final class DemoInstitutionalClaims {

    private DemoInstitutionalClaims() {
    }

    public static void write(Path csv, Path x12, int claimsPerSet) {
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in);
             Writer out = new BufferedWriter(Files.newBufferedWriter(x12, StandardCharsets.ISO_8859_1), 1 << 16)) {
            out.write("ISA*00*          *00*          *ZZ*OUTCOMEPAY     *ZZ*PAYER          *260101*0000*^*00501*000000001*0*P*:~\n");
            out.write("GS*HC*OUTCOMEPAY*PAYER*20260101*0000*1*X*005010X223A2~\n");
            List<String> set = new ArrayList<>();
            int sets = 0;
            int inSet = 0;
            for (CSVRecord row : parser) {
                claim(row, 2 * inSet + 1, set);
                if (++inSet == claimsPerSet) {
                    writeSet(out, ++sets, set);
                    inSet = 0;
                }
            }
            if (!set.isEmpty()) {
                writeSet(out, ++sets, set);
            }
            out.write("GE*" + sets + "*1~\n");
            out.write("IEA*1*000000001~\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + x12, e);
        }
    }

    private static void claim(CSVRecord row, int hl, List<String> segments) {
        String frequency = switch (row.get("claim_frequency")) {
            case "replacement" -> "7";
            case "void" -> "8";
            case "original" -> "1";
            default -> row.get("claim_frequency");
        };
        segments.add("HL*" + hl + "**20*1");
        segments.add("NM1*85*2*HOSPITAL " + row.get("hospital_id") + "*****XX*" + row.get("hospital_id"));
        segments.add("HL*" + (hl + 1) + "*" + hl + "*22*0");
        segments.add("NM1*IL*1*PATIENT*****MI*" + row.get("patient_id"));
        segments.add("CLM*" + row.get("claim_id") + "*" + row.get("billed_amount") + "***11:A:" + frequency + "**A*Y*Y");
        segments.add("DTP*434*RD8*" + d8(row.get("admit_date")) + "-" + d8(row.get("discharge_date")));
        segments.add("DTP*435*D8*" + d8(row.get("admit_date")));
        if (!row.get("original_claim_id").isBlank()) {
            segments.add("REF*F8*" + row.get("original_claim_id"));
        }
        segments.add("HI*ABK:" + row.get("principal_dx").replace(".", ""));
        if (!row.get("drg").isBlank()) {
            segments.add("HI*DR:" + row.get("drg"));
        }
    }

    private static String d8(String isoDate) {
        return isoDate.replace("-", "");
    }

    private static void writeSet(Writer out, int number, List<String> segments) throws IOException {
        String control = String.format("%04d", number);
        out.write("ST*837*" + control + "*005010X223A2~\n");
        out.write("BHT*0019*00*" + control + "*20260101*0000*CH~\n");
        out.write("NM1*41*2*OUTCOMEPAY*****46*OP1~\n");
        out.write("NM1*40*2*PAYER*****46*P1~\n");
        for (String segment : segments) {
            out.write(segment);
            out.write("~\n");
        }
        out.write("SE*" + (segments.size() + 5) + "*" + control + "~\n");
        segments.clear();
    }
}
