package io.outcomepay.reports.rendering;

import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperReport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The report templates, compiled from the application's own classpath (never a compiled .jasper
 * file from elsewhere), each once, when a report first needs it (commands that render nothing do
 * not pay for it). The build's tests compile every one of them, so a template that does not
 * compile fails the build.
 */
public final class ReportTemplates {

    public static final List<String> NAMES = List.of("rows", "lines", "groups", "chart", "vendor");
    private static final String DIRECTORY = "/io/outcomepay/reports/templates/";

    private final Map<String, JasperReport> compiled = new ConcurrentHashMap<>();

    public JasperReport get(String name) {
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("no report template named '" + name + "'");
        }
        return compiled.computeIfAbsent(name, ReportTemplates::compile);
    }

    static JasperReport compile(String name) {
        try (InputStream in = ReportTemplates.class.getResourceAsStream(DIRECTORY + name + ".jrxml")) {
            if (in == null) {
                throw new IllegalStateException("report template " + DIRECTORY + name + ".jrxml is missing");
            }
            return JasperCompileManager.compileReport(in);
        } catch (JRException e) {
            throw new IllegalStateException("report template " + name + ".jrxml does not compile: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
