package io.outcomepay.claims.csv;

import io.outcomepay.claims.intake.IntakeItem;
import io.outcomepay.claims.intake.NormalizedClaim;
import io.outcomepay.claims.intake.Pseudonymizer;
import io.outcomepay.claims.intake.Rejection;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClaimCsvReaderTest {

    private static final String HEADER = String.join(",", ClaimCsvColumns.ALL) + "\n";
    private static final Pseudonymizer PSEUDONYMS = new Pseudonymizer(new byte[32]);

    private static List<IntakeItem> read(byte[] content) {
        ClaimCsvRecordParser parser = new ClaimCsvRecordParser(Set.of("193")::contains, Set.of("C34.9")::contains, PSEUDONYMS);
        List<IntakeItem> items = new ArrayList<>();
        try (ClaimCsvReader reader = ClaimCsvReader.of("t.csv", new ByteArrayInputStream(content), List.of(parser),
                PSEUDONYMS)) {
            reader.forEachRemaining(items::add);
        }
        return items;
    }

    private static String row(String claimId, String dx) {
        return claimId + ",H1,MRN-1,2026-01-10,2026-01-15,193," + dx + ",30000.00,8000.00,7000.00,USD,x,true,original,\n";
    }

    @Test
    void reportsTheLineWhereARecordStartsEvenAfterAQuotedLineBreak() {
        List<IntakeItem> items = read((HEADER + row("A", "\"J18.9\nsecond line\"") + row("B", "J18.9")
                + row("C", "J18.9").replace("USD", "XYZ")).getBytes(StandardCharsets.UTF_8));

        // a line break is no part of an ICD-10 code: record A (lines 2-3) is refused, naming its first line
        assertThat(((Rejection) items.get(0)).line()).isEqualTo(2);
        assertThat(((Rejection) items.get(0)).field()).isEqualTo("principal_dx");
        assertThat(((NormalizedClaim.Original) items.get(1)).source().record()).isEqualTo(4);
        assertThat(((Rejection) items.get(2)).line()).isEqualTo(5);
    }

    @Test
    void acceptsAByteOrderMark() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] text = (HEADER + row("A", "J18.9")).getBytes(StandardCharsets.UTF_8);
        byte[] content = Arrays.copyOf(bom, bom.length + text.length);
        System.arraycopy(text, 0, content, bom.length, text.length);

        assertThat(read(content)).singleElement().isInstanceOf(NormalizedClaim.Original.class);
    }

    @Test
    void pseudonymizesThePatientAndKeepsNoRawId() {
        NormalizedClaim.Original claim = (NormalizedClaim.Original) read((HEADER + row("A", "J18.9"))
                .getBytes(StandardCharsets.UTF_8)).get(0);

        assertThat(claim.claim().patientPseudonym()).isEqualTo(PSEUDONYMS.pseudonym("MRN-1")).hasSize(64);
        assertThat(claim.toString()).doesNotContain("MRN-1");
    }

    @Test
    void refusesAFileThatIsNotUtf8NamingIt() {
        byte[] latin1 = (HEADER + row("A", "Pneumonie à germe")).getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> read(latin1)).hasMessageStartingWith("t.csv is not valid UTF-8");
    }

    @Test
    void anUnclosedQuoteEndsItsRecordAtTheBoundAndTheRecordsAfterTheBoundStillLand() {
        StringBuilder file = new StringBuilder(HEADER).append(row("A", "J18.9")).append(row("B", "\"J18.9"));
        int rows = 20_000; // about 1.6 MB after B: the bound (1 MiB) falls inside them
        for (int i = 0; i < rows; i++) {
            file.append(row("R" + i, "J18.9"));
        }

        List<IntakeItem> items = read(file.toString().getBytes(StandardCharsets.UTF_8));

        assertThat(items.get(0)).isInstanceOf(NormalizedClaim.Original.class);
        Rejection tooLong = (Rejection) items.get(1);
        assertThat(tooLong.line()).isEqualTo(3);
        assertThat(tooLong.field()).isEqualTo("record");
        java.util.regex.Matcher lines = java.util.regex.Pattern.compile("lines 3-(\\d+) are rejected as one record")
                .matcher(tooLong.reason());
        assertThat(lines.find()).as(tooLong.reason()).isTrue();
        long last = Long.parseLong(lines.group(1));
        long lastLineOfFile = 3 + rows;
        assertThat(last).isBetween(4L, lastLineOfFile - 1);
        // every line is accounted for: landed before, rejected in the one record, or landed after
        assertThat(items).hasSize(2 + (int) (lastLineOfFile - last));
        assertThat(((NormalizedClaim.Original) items.get(2)).source().record()).isEqualTo(last + 1);
        assertThat(((NormalizedClaim.Original) items.get(items.size() - 1)).source().record()).isEqualTo(lastLineOfFile);
    }

    @Test
    void aQuoteTheFileNeverClosesRejectsTheRestOfTheFileAsOneRecordAfterTheRecordsBeforeIt() {
        List<IntakeItem> items = read((HEADER + row("A", "J18.9") + row("B", "\"J18.9") + row("C", "J18.9"))
                .getBytes(StandardCharsets.UTF_8));

        assertThat(items).hasSize(2);
        assertThat(items.get(0)).isInstanceOf(NormalizedClaim.Original.class);
        assertThat(((Rejection) items.get(1)).line()).isEqualTo(3);
        assertThat(((Rejection) items.get(1)).reason()).startsWith("a quoted field is not closed before the end of the file");
    }
}
