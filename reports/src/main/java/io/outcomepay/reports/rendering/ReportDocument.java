package io.outcomepay.reports.rendering;

import java.time.LocalDate;
import java.util.List;

/**
 * A whole report, ready to render: its sections, and what every page shows.
 *
 * @param fileName     the file name without extension (ASCII)
 * @param title        the report's title, on every page
 * @param subject      contract, period, hospital... on every page
 * @param fingerprint  on every page's footer
 * @param documentDate the date printed and stored in the file: taken from the data (the period's
 *                     last day), never from the clock, so the same data gives the same bytes
 */
public record ReportDocument(String fileName, String title, String subject, String fingerprint, LocalDate documentDate,
                             List<Section<?>> sections) {

    public ReportDocument {
        sections = List.copyOf(sections);
    }
}
