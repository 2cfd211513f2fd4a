package io.outcomepay.reports.rendering;

import net.sf.jasperreports.engine.JRDataSource;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRField;
import net.sf.jasperreports.engine.JRParameter;
import net.sf.jasperreports.engine.JRVirtualizer;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.export.ooxml.JRXlsxExporter;
import net.sf.jasperreports.engine.fill.JRSwapFileVirtualizer;
import net.sf.jasperreports.engine.util.JRSwapFile;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import net.sf.jasperreports.export.SimpleXlsxReportConfiguration;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.pdf.SimplePdfExporterConfiguration;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Renders a report document to PDF, XLSX or CSV. The same data gives the same bytes whatever the
 * machine's time zone, locale or clock: the language's locale and UTC are passed to the templates,
 * the document date comes from the data, and the PDF and XLSX files are normalized after export
 * (fixed dates, file id and font subset tags; fixed zip entry times).
 */
public final class ReportRenderer {

    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");
    /** Pages of a large section kept in memory; the others wait in a swap file. */
    private static final int PAGES_IN_MEMORY = 50;

    private final ReportTemplates templates;
    private final Path scratch;

    /** @param scratch a directory for swap files and files being normalized */
    public ReportRenderer(ReportTemplates templates, Path scratch) {
        this.templates = templates;
        this.scratch = scratch;
    }

    /**
     * Writes the report into the directory; CSV writes one file per section. Files written before
     * from the same inputs, and unchanged since, are kept as they are. @return the files
     */
    public List<Path> render(ReportDocument document, ReportFormat format, Language language, Path directory) {
        try {
            Files.createDirectories(directory);
            List<Path> written = new ArrayList<>();
            if (format == ReportFormat.CSV) {
                document.sections().forEach(section -> written.add(
                        directory.resolve(document.fileName() + "-" + language.code() + "-" + section.name() + ".csv")));
            } else {
                written.add(directory.resolve(document.fileName() + "-" + language.code() + "." + format.extension()));
            }
            // the same inputs gave these files already: they are not rendered again (RenderedFiles)
            String key = RenderedFiles.key(document, format, language);
            if (RenderedFiles.unchanged(directory, written, key)) {
                return written;
            }
            if (format == ReportFormat.CSV) {
                for (int i = 0; i < written.size(); i++) {
                    try (OutputStream out = Files.newOutputStream(written.get(i))) {
                        writeCsv(document.sections().get(i), out);
                    }
                }
            } else {
                try (OutputStream out = Files.newOutputStream(written.get(0))) {
                    write(document, format, language, out);
                }
            }
            RenderedFiles.remember(directory, written, key);
            return written;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report into " + directory, e);
        }
    }

    /** Writes the whole report to the stream; CSV as a zip of one file per section. */
    public void write(ReportDocument document, ReportFormat format, Language language, OutputStream out) {
        try {
            Files.createDirectories(scratch);
            switch (format) {
                case CSV -> writeCsvZip(document, language, out);
                case PDF, XLSX -> writeJasper(document, format, language, out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render " + document.fileName(), e);
        }
    }

    private void writeJasper(ReportDocument document, ReportFormat format, Language language, OutputStream out)
            throws IOException {
        List<JRVirtualizer> virtualizers = new ArrayList<>();
        Path exported = Files.createTempFile(scratch, "report-", "." + format.extension());
        try {
            List<JasperPrint> prints = new ArrayList<>();
            for (Section<?> section : document.sections()) {
                prints.add(fill(document, section, language, virtualizers));
            }
            try (OutputStream file = Files.newOutputStream(exported)) {
                if (format == ReportFormat.PDF) {
                    exportPdf(document, prints, file);
                } else {
                    exportXlsx(document, prints, file);
                }
            }
            if (format == ReportFormat.PDF) {
                DeterministicPdf.normalize(exported, out, document.fileName() + "|" + language.code() + "|"
                        + document.fingerprint(), document.documentDate(), scratch);
            } else {
                DeterministicXlsx.normalize(exported, out, document.documentDate());
            }
        } catch (JRException e) {
            throw new IllegalStateException("cannot render " + document.fileName() + ": " + e.getMessage(), e);
        } finally {
            virtualizers.forEach(JRVirtualizer::cleanup);
            Files.deleteIfExists(exported);
        }
    }

    private <T> JasperPrint fill(ReportDocument document, Section<T> section, Language language,
                                 List<JRVirtualizer> virtualizers) throws JRException {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("TITLE", document.title());
        parameters.put("SUBJECT", document.subject());
        parameters.put("SECTION", section.title());
        parameters.put("FINGERPRINT", document.fingerprint());
        parameters.put("DOCUMENT_DATE", document.documentDate().toString());
        parameters.put(JRParameter.REPORT_LOCALE, language.locale());
        parameters.put(JRParameter.REPORT_TIME_ZONE, UTC);
        parameters.put(JRParameter.REPORT_RESOURCE_BUNDLE, language.labels());
        if (section.large()) {
            JRVirtualizer virtualizer = new JRSwapFileVirtualizer(PAGES_IN_MEMORY,
                    new JRSwapFile(scratch.toString(), 4096, 1024), true);
            virtualizers.add(virtualizer);
            parameters.put(JRParameter.REPORT_VIRTUALIZER, virtualizer);
        }
        try (Stream<T> rows = section.rows().get()) {
            JasperPrint print = JasperFillManager.fillReport(templates.get(section.template()), parameters,
                    new RowSource<>(section, rows.iterator()));
            print.setName(section.name());
            return print;
        }
    }

    private static void exportPdf(ReportDocument document, List<JasperPrint> prints, OutputStream out) throws JRException {
        JRPdfExporter exporter = new JRPdfExporter();
        exporter.setExporterInput(SimpleExporterInput.getInstance(prints));
        exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(out));
        SimplePdfExporterConfiguration configuration = new SimplePdfExporterConfiguration();
        configuration.setMetadataTitle(document.title());
        configuration.setMetadataSubject(document.subject());
        configuration.setMetadataAuthor("OutcomePay");
        configuration.setMetadataCreator("OutcomePay");
        configuration.setCompressed(true);
        exporter.setConfiguration(configuration);
        exporter.exportReport();
    }

    private static void exportXlsx(ReportDocument document, List<JasperPrint> prints, OutputStream out) throws JRException {
        JRXlsxExporter exporter = new JRXlsxExporter();
        exporter.setExporterInput(SimpleExporterInput.getInstance(prints));
        exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(out));
        SimpleXlsxReportConfiguration configuration = new SimpleXlsxReportConfiguration();
        configuration.setDetectCellType(true);
        configuration.setOnePagePerSheet(false);
        configuration.setRemoveEmptySpaceBetweenRows(true);
        configuration.setWhitePageBackground(false);
        configuration.setSheetNames(document.sections().stream().map(Section::name).toArray(String[]::new));
        exporter.setConfiguration(configuration);
        exporter.exportReport();
    }

    private void writeCsvZip(ReportDocument document, Language language, OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out);
        long time = DeterministicXlsx.entryTime(document.documentDate());
        for (Section<?> section : document.sections()) {
            ZipEntry entry = new ZipEntry(document.fileName() + "-" + language.code() + "-" + section.name() + ".csv");
            entry.setTime(time);
            zip.putNextEntry(entry);
            writeCsv(section, zip);
            zip.closeEntry();
        }
        zip.finish();
    }

    /** A section as CSV: its field names as the header, plain decimals, UTF-8, '\n' line ends. */
    static <T> void writeCsv(Section<T> section, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get());
        csv.printRecord(section.columns().stream().map(Section.Column::field).toList());
        try (Stream<T> rows = section.rows().get()) {
            Iterator<T> iterator = rows.iterator();
            while (iterator.hasNext()) {
                T row = iterator.next();
                List<String> values = new ArrayList<>(section.columns().size());
                for (Section.Column<T> column : section.columns()) {
                    Object value = column.value().apply(row);
                    values.add(value == null ? "" : value instanceof BigDecimal d ? d.toPlainString() : value.toString());
                }
                csv.printRecord(values);
            }
        }
        csv.flush();
    }

    /** A section's rows as the template's fields. */
    private static final class RowSource<T> implements JRDataSource {
        private final Map<String, Section.Column<T>> columns = new HashMap<>();
        private final Iterator<T> rows;
        private T current;

        RowSource(Section<T> section, Iterator<T> rows) {
            section.columns().forEach(c -> columns.put(c.field(), c));
            this.rows = rows;
        }

        @Override
        public boolean next() {
            if (!rows.hasNext()) {
                return false;
            }
            current = rows.next();
            return true;
        }

        @Override
        public Object getFieldValue(JRField field) {
            Section.Column<T> column = columns.get(field.getName());
            if (column == null) {
                throw new IllegalStateException("the section gives no value for the template's field " + field.getName());
            }
            return column.value().apply(current);
        }
    }
}
