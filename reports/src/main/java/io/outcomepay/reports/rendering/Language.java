package io.outcomepay.reports.rendering;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** A report's language: its locale and its labels (io/outcomepay/reports/labels_LANG.properties, UTF-8). */
public enum Language {
    EN(Locale.ENGLISH), ZH(Locale.SIMPLIFIED_CHINESE);

    static final String BUNDLE = "io.outcomepay.reports.labels";

    private final Locale locale;

    Language(Locale locale) {
        this.locale = locale;
    }

    public static Language of(String code) {
        for (Language language : values()) {
            if (language.code().equals(code)) {
                return language;
            }
        }
        throw new IllegalArgumentException("lang: en or zh, was '" + code + "'");
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Locale locale() {
        return locale;
    }

    /** The labels of this language only: never the machine's default locale's. */
    public ResourceBundle labels() {
        return ResourceBundle.getBundle(BUNDLE, locale, Language.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public String label(String key) {
        return labels().getString(key);
    }

    /** A label with {0}, {1}... filled in with the texts given (numbers are formatted by the caller). */
    public String label(String key, String... arguments) {
        MessageFormat format = new MessageFormat(label(key), locale);
        return format.format(arguments);
    }
}
