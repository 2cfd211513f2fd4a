package io.outcomepay.claims.kafka;

import io.outcomepay.claims.chs.SettlementListDialect;
import io.outcomepay.claims.csv.ClaimCsvReader;
import io.outcomepay.claims.csv.ClaimCsvRecordParser;
import io.outcomepay.claims.csv.CsvDialect;
import io.outcomepay.claims.fhir.FhirClaimReader;
import io.outcomepay.claims.intake.ClaimFormat;
import io.outcomepay.claims.intake.ClaimReader;
import io.outcomepay.claims.intake.IntakeItem;
import io.outcomepay.claims.intake.Pseudonymizer;
import io.outcomepay.claims.intake.RenumberedClaimReader;
import io.outcomepay.claims.x12.InstitutionalClaimReader;
import io.outcomepay.claims.x12.RemittanceReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A file cut into Kafka messages reads, message by message, exactly as the whole file does. */
class ClaimFileSplitterTest {

    static final Path SAMPLES = Path.of("../../shared/data/claims");
    static final Pseudonymizer PSEUDONYMS = new Pseudonymizer(new byte[32]);
    static final Set<String> DRGS = Set.of("193", "470", "871", "695");

    @TempDir
    Path dir;

    @Test
    void csvRowsWithQuotedLineBreaksAndBadRowsKeepTheirFileLines() throws IOException {
        StringBuilder csv = new StringBuilder("claim_id,hospital_id,patient_id,admit_date,discharge_date,drg,principal_dx,"
                + "billed_amount,allowed_amount,paid_amount,currency,ai_service,ai_assisted,claim_frequency,original_claim_id\r\n");
        for (int i = 1; i <= 23; i++) {
            String dx = i % 5 == 0 ? "\"J18.9\nsecond line\"" : "J18.9";
            String allowed = i % 7 == 0 ? "-1.00" : "8000.00";
            csv.append("C").append(i).append(",H1,P").append(i).append(",2026-01-10,2026-01-15,193,").append(dx)
                    .append(",30000.00,").append(allowed).append(",7000.00,USD,sepsis-watch,true,original,\r\n");
        }
        Path file = Files.writeString(dir.resolve("split.csv"), csv);

        List<ClaimMessage> messages = split(file, 4);

        assertThat(messages).hasSize(6);
        assertThat(messages).extracting(ClaimMessage::records).containsExactly(4, 4, 4, 4, 4, 3);
        assertThat(readMessages(messages)).isEqualTo(read(ClaimFormat.CSV, file.getFileName().toString(),
                Files.newInputStream(file)));
    }

    @Test
    void gb18030SettlementListsSplitWithTheirHeader() throws IOException {
        Charset gb = Charset.forName("GB18030");
        String header = "清单流水号,定点医疗机构代码,就诊ID,医保编号,入院时间,出院时间,主要诊断代码,主要手术及操作代码,病组病种编码,"
                + "医保支付方式,金额合计,医保统筹基金支付,个人负担\n";
        StringBuilder text = new StringBuilder(header);
        for (int i = 1; i <= 5; i++) {
            text.append("S").append(i).append(",H22,M").append(i).append(",HI").append(i)
                    .append(",2026-01-03,2026-01-09,J18.900,,193,4,").append(i == 3 ? "abc" : "9000.00").append(",6000.00,3000.00\n");
        }
        Path file = dir.resolve("清单.csv");
        Files.write(file, text.toString().getBytes(gb));

        List<ClaimMessage> messages = split(file, 2);

        assertThat(messages).hasSize(3);
        assertThat(readMessages(messages)).isEqualTo(read(ClaimFormat.CSV, file.getFileName().toString(),
                Files.newInputStream(file)));
    }

    @Test
    void x12FilesSplitByTransactionSetWithTheirEnvelopeAndSegmentNumbers() throws IOException {
        for (String sample : List.of("x12-837I-5010-imsweb-x223-test.txt", "x12-835-5010-emedny-sample.txt",
                "x12-835-5010-denied-mult-loops.txt")) {
            Path file = SAMPLES.resolve(sample);
            List<ClaimMessage> messages = split(file, 500);

            assertThat(messages).isNotEmpty();
            assertThat(readMessages(messages)).as(sample).isEqualTo(read(ClaimFormat.X12, sample, Files.newInputStream(file)));
        }
    }

    @Test
    void twoTransactionSetsBecomeTwoMessages() throws IOException {
        String x12 = Files.readString(SAMPLES.resolve("x12-837I-5010-imsweb-x223-test.txt"), StandardCharsets.ISO_8859_1);
        int st = x12.indexOf("ST*");
        int ge = x12.indexOf("GE*");
        String set = x12.substring(st, ge);
        Path file = Files.writeString(dir.resolve("two.837"), x12.substring(0, ge) + set.replace("CLM*", "CLM*B")
                + x12.substring(ge), StandardCharsets.ISO_8859_1);

        List<ClaimMessage> messages = split(file, 500);

        assertThat(messages).hasSize(2);
        assertThat(readMessages(messages)).isEqualTo(read(ClaimFormat.X12, "two.837", Files.newInputStream(file)));
    }

    @Test
    void fhirDocumentsGoWholeAndNdjsonByLines() throws IOException {
        Path document = SAMPLES.resolve("fhir-r4-eob-bfd-inpatient-drg695.json");
        assertThat(split(document, 500)).hasSize(1);
        String line = Files.readString(document).replaceAll("\\s*\\n\\s*", "");
        Path ndjson = Files.writeString(dir.resolve("bulk.ndjson"), (line + "\n").repeat(5));

        List<ClaimMessage> messages = split(ndjson, 2);

        assertThat(messages).extracting(ClaimMessage::records).containsExactly(2, 2, 1);
        assertThat(readMessages(messages)).isEqualTo(read(ClaimFormat.FHIR, "bulk.ndjson", Files.newInputStream(ndjson)));
    }

    @Test
    void aMessageLargerThanTheLimitIsRefusedNamingWhereItStarts() throws IOException {
        Path file = Files.writeString(dir.resolve("big.csv"), "claim_id,x\n1," + "y".repeat(200) + "\n");

        assertThatThrownBy(() -> split(file, 10, 100)).hasMessage("big.csv: the message starting at line 2 is larger than 100 bytes");
    }

    private static List<ClaimMessage> split(Path file, int recordsPerMessage) {
        return split(file, recordsPerMessage, IntakeTopics.MAX_MESSAGE_BYTES);
    }

    private static List<ClaimMessage> split(Path file, int recordsPerMessage, int maxBytes) {
        List<ClaimMessage> messages = new ArrayList<>();
        try (ClaimFileSplitter splitter = ClaimFileSplitter.open(file, recordsPerMessage, maxBytes)) {
            splitter.forEachRemaining(messages::add);
        }
        return messages;
    }

    private static List<String> readMessages(List<ClaimMessage> messages) {
        List<String> items = new ArrayList<>();
        for (ClaimMessage m : messages) {
            try (ClaimReader reader = new RenumberedClaimReader(reader(m.format(), m.source(),
                    new ByteArrayInputStream(m.payload())), m.positionOffset())) {
                reader.forEachRemaining(item -> items.add(describe(item)));
            }
        }
        return items;
    }

    private static List<String> read(ClaimFormat format, String source, InputStream in) {
        List<String> items = new ArrayList<>();
        try (ClaimReader reader = reader(format, source, in)) {
            reader.forEachRemaining(item -> items.add(describe(item)));
        }
        return items;
    }

    private static String describe(IntakeItem item) {
        return item instanceof io.outcomepay.claims.intake.Rejection r ? r + " | " + r.rawRecord() : item.toString();
    }

    private static ClaimReader reader(ClaimFormat format, String source, InputStream in) {
        List<CsvDialect> dialects = List.of(new SettlementListDialect(DRGS::contains, code -> false, PSEUDONYMS),
                new ClaimCsvRecordParser(DRGS::contains, code -> false, PSEUDONYMS));
        return switch (format) {
            case CSV -> ClaimCsvReader.of(source, in, dialects, PSEUDONYMS);
            case FHIR -> FhirClaimReader.of(source, in, -1, DRGS::contains, PSEUDONYMS);
            case X12 -> {
                byte[] all;
                try {
                    all = in.readAllBytes();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                yield "835".equals(ClaimFormat.sniff(all).transaction())
                        ? RemittanceReader.of(source, new ByteArrayInputStream(all))
                        : InstitutionalClaimReader.of(source, new ByteArrayInputStream(all), -1, DRGS::contains, PSEUDONYMS);
            }
        };
    }
}
