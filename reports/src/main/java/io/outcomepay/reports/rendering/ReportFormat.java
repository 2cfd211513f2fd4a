package io.outcomepay.reports.rendering;

import java.util.Locale;

/** The file formats a report is written in. CSV writes each section as a table of its own. */
public enum ReportFormat {
    PDF("application/pdf"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    CSV("application/zip");

    private final String mediaType;

    ReportFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    public static ReportFormat of(String name) {
        for (ReportFormat format : values()) {
            if (format.extension().equals(name)) {
                return format;
            }
        }
        throw new IllegalArgumentException("format: pdf, xlsx or csv, was '" + name + "'");
    }

    public String extension() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** What a download of the whole report in this format is: CSV sections come zipped. */
    public String mediaType() {
        return mediaType;
    }
}
