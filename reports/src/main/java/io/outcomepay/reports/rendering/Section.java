package io.outcomepay.reports.rendering;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * One part of a report: a template filled with rows. In a PDF the sections follow each other, in
 * an XLSX each is a sheet, in CSV each is a file. The rows are read once per rendering (a stream
 * that may hold a database cursor: it is closed after use).
 *
 * @param template the template under io/outcomepay/reports/templates, without ".jrxml"
 * @param name     the sheet and the CSV file's suffix (ASCII)
 * @param title    the heading in the language of the report
 * @param columns  the template's fields, in CSV column order
 * @param large    many rows: filled through a swap file instead of the heap
 */
public record Section<T>(String template, String name, String title, List<Column<T>> columns,
                         Supplier<Stream<T>> rows, boolean large) {

    public Section {
        columns = List.copyOf(columns);
    }

    public static <T> Section<T> of(String template, String name, String title, List<Column<T>> columns, List<T> rows) {
        return new Section<>(template, name, title, columns, rows::stream, false);
    }

    /** A template field and its value for a row. */
    public record Column<T>(String field, Function<T, Object> value) {
    }
}
