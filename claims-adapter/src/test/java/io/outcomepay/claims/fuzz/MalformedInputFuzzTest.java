package io.outcomepay.claims.fuzz;

import io.outcomepay.claims.chs.SettlementListDialect;
import io.outcomepay.claims.csv.ClaimCsvColumns;
import io.outcomepay.claims.csv.ClaimCsvReader;
import io.outcomepay.claims.csv.ClaimCsvRecordParser;
import io.outcomepay.claims.csv.CsvDialect;
import io.outcomepay.claims.intake.ClaimReader;
import io.outcomepay.claims.intake.IntakeItem;
import io.outcomepay.claims.intake.NormalizedClaim;
import io.outcomepay.claims.intake.Pseudonymizer;
import io.outcomepay.claims.intake.Rejection;
import io.outcomepay.claims.x12.InstitutionalClaimReader;
import io.outcomepay.claims.x12.RemittanceReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 10,000 generated malformed inputs across the CSV, settlement-list and X12 readers: none crashes
 * or hangs; every record read is either a claim or a rejection naming a field and a reason, or
 * the whole input is refused with a message; and read counts add up.
 */
class MalformedInputFuzzTest {

    private static final Pseudonymizer PSEUDONYMS = new Pseudonymizer(new byte[32]);
    private static final Set<String> DRGS = Set.of("193", "470", "871");
    private static final String GOOD_ROW = "C1,H1,MRN-1,2026-01-10,2026-01-15,193,J18.9,30000.00,8000.00,7000.00,USD,"
            + "sepsis-watch,true,original,";
    private static final String LIST_HEADER = "清单流水号,定点医疗机构代码,就诊ID,医保编号,入院时间,出院时间,病组病种编码,医保支付方式,金额合计,医保统筹基金支付";
    private static final String LIST_ROW = "S1,H1,M1,HI-1,2026-01-02,2026-01-10,DIP-A,3,10000.00,7000.00";
    private static final String X12_835 = "ISA*00*          *00*          *ZZ*PAYER          *ZZ*HOSPITAL       *260201*1200*^*00501*000000001*0*T*:~"
            + "GS*HP*PAYER*HOSPITAL*20260201*1200*1*X*005010X221A1~ST*835*0001~BPR*I*10*C*ACH~N1*PE*H*XX*1234567893~LX*1~"
            + "CLP*K1*1*9000*7000*500*MA*P-K1~CAS*CO*45*1500~SE*7*0001~GE*1*1~IEA*1*000000001~";
    private static final String X12_837 = "ISA*00*          *00*          *ZZ*HOSPITAL       *ZZ*PAYER          *260201*1200*^*00501*000000001*0*T*:~"
            + "GS*HC*HOSPITAL*PAYER*20260201*1200*1*X*005010X223A2~ST*837*0001*005010X223A2~HL*1**20*1~"
            + "NM1*85*2*H*****XX*1234567893~HL*2*1*22*0~NM1*IL*1*DOE*J****MI*M1~CLM*K1*9000***11:A:1~"
            + "DTP*435*D8*20260102~DTP*434*RD8*20260102-20260106~HI*ABK:J189~HI*DR:193~SE*9*0001~GE*1*1~IEA*1*000000001~";

    private final Random random = new Random(20261125L);

    /** One mutation of a valid text: the kinds of damage real files show. */
    private String mutate(String text) {
        int kind = random.nextInt(10);
        int at = random.nextInt(Math.max(1, text.length()));
        return switch (kind) {
            case 0 -> text.substring(0, at);                                              // truncated
            case 1 -> text.replace(",", ";").replace("*", "|");                           // wrong separators
            case 2 -> text.substring(0, at) + "\"" + text.substring(at);                  // stray quote
            case 3 -> text.substring(0, at) + "x".repeat(100_000) + text.substring(at);   // huge field
            case 4 -> text.replace("8000.00", "-8000.00").replace("*9000*", "*-9000x*");  // negative / non-numeric
            case 5 -> text.replace("193", "9Z9").replace("DIP-A", "DIP-?");               // unknown codes
            case 6 -> text.replace("2026-01-15", "2026-02-30").replace("20260106", "20261340"); // bad dates
            case 7 -> text.substring(0, at) + "\u0000\u0007" + text.substring(at);        // control characters
            case 8 -> text.replace("~", "").replace("\n", "");                            // no terminators
            default -> {
                StringBuilder out = new StringBuilder(text);                               // random byte noise
                for (int i = 0; i < 5; i++) {
                    out.setCharAt(random.nextInt(out.length()), (char) (33 + random.nextInt(90)));
                }
                yield out.toString();
            }
        };
    }

    private record Outcome(int claims, int rejections, int refused) {
    }

    private static Outcome read(java.util.function.Supplier<ClaimReader> opening, int[] totals) {
        int claims = 0;
        int rejections = 0;
        try (ClaimReader reader = opening.get()) {
            while (reader.hasNext()) {
                IntakeItem item = reader.next();
                if (item instanceof Rejection r) {
                    assertThat(r.field()).isNotBlank();
                    assertThat(r.reason()).isNotBlank();
                    rejections++;
                } else {
                    assertThat(item).isInstanceOf(NormalizedClaim.class);
                    claims++;
                }
            }
        } catch (IllegalArgumentException | java.io.UncheckedIOException refused) {
            assertThat(refused.getMessage()).isNotBlank();
            totals[2]++;
            return new Outcome(claims, rejections, 1);
        }
        totals[0] += claims;
        totals[1] += rejections;
        return new Outcome(claims, rejections, 0);
    }

    @Test
    @Timeout(300)
    void tenThousandMalformedInputsAreEachReadOrRefusedWithAReason(@TempDir Path dir) throws Exception {
        int[] totals = new int[3];
        int inputs = 0;
        List<CsvDialect> neutral = List.of(new ClaimCsvRecordParser(DRGS::contains, code -> false, PSEUDONYMS));
        List<CsvDialect> list = List.of(new SettlementListDialect(DRGS::contains, Set.of("DIP-A")::contains, PSEUDONYMS),
                new ClaimCsvRecordParser(DRGS::contains, code -> false, PSEUDONYMS));
        String header = String.join(",", ClaimCsvColumns.ALL);
        for (int i = 0; i < 2_500; i++, inputs++) {
            String rows = GOOD_ROW + "\n" + mutate(GOOD_ROW) + "\n" + GOOD_ROW.replace("C1", "C2") + "\n";
            int index = i;
            Outcome o = read(() -> ClaimCsvReader.of("fuzz-" + index + ".csv",
                    new ByteArrayInputStream((header + "\n" + rows).getBytes(StandardCharsets.UTF_8)), neutral, PSEUDONYMS),
                    totals);
            if (o.refused() == 0) {
                assertThat(o.claims() + o.rejections()).as("input " + i).isBetween(2, 3);
            }
        }
        for (int i = 0; i < 2_500; i++, inputs++) {
            Charset charset = random.nextBoolean() ? StandardCharsets.UTF_8 : Charset.forName("GB18030");
            byte[] bytes = (LIST_HEADER + "\n" + mutate(LIST_ROW) + "\n").getBytes(charset);
            if (random.nextInt(10) == 0) {
                bytes[random.nextInt(bytes.length)] = (byte) 0xFF;                        // bad encoding
            }
            String name = "list-" + i + ".csv";
            byte[] content = bytes;
            read(() -> ClaimCsvReader.of(name, new ByteArrayInputStream(content), list, PSEUDONYMS), totals);
        }
        for (int i = 0; i < 2_500; i++, inputs++) {
            String name = "fuzz-" + i + ".835";
            byte[] content = mutate(X12_835).getBytes(StandardCharsets.ISO_8859_1);
            read(() -> RemittanceReader.of(name, new ByteArrayInputStream(content)), totals);
        }
        for (int i = 0; i < 2_500; i++, inputs++) {
            Path file = Files.writeString(dir.resolve("fuzz-" + (i % 8) + ".837"), mutate(X12_837),
                    StandardCharsets.ISO_8859_1);
            read(() -> InstitutionalClaimReader.open(file, DRGS::contains, PSEUDONYMS), totals);
        }

        assertThat(inputs).isEqualTo(10_000);
        assertThat(totals[1]).as("rejections with a field and a reason").isPositive();
        assertThat(totals[2]).as("inputs refused whole with a message").isPositive();
        assertThat(totals[0]).as("claims that still landed").isPositive();
    }
}
