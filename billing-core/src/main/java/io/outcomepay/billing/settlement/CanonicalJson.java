package io.outcomepay.billing.settlement;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * Canonical JSON for fingerprints: objects with keys in sorted order, no whitespace, every scalar
 * a string (decimals as plain strings, never floating point), so the same data always gives the
 * same bytes.
 */
public final class CanonicalJson {

    private CanonicalJson() {
    }

    /** A record component: its name and accessor. */
    private record Component(String name, java.lang.reflect.Method accessor) {
        Object of(Record record) {
            try {
                return accessor.invoke(record);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + record.getClass().getSimpleName() + "." + name, e);
            }
        }
    }

    /** Each record class's components in the order of their names, looked up once per class. */
    private static final ClassValue<java.util.List<Component>> COMPONENTS = new ClassValue<>() {
        @Override
        protected java.util.List<Component> computeValue(Class<?> type) {
            java.util.List<Component> components = new java.util.ArrayList<>();
            for (java.lang.reflect.RecordComponent component : type.getRecordComponents()) {
                java.lang.reflect.Method accessor = component.getAccessor();
                accessor.setAccessible(true);
                components.add(new Component(component.getName(), accessor));
            }
            components.sort(java.util.Comparator.comparing(Component::name));
            return java.util.List.copyOf(components);
        }
    };

    /**
     * Accepts Map (String keys), Collection, record (as an object of its components), String,
     * BigDecimal, Integer, Long, Boolean, Enum and null; anything else is written as its toString().
     */
    public static String write(Object value) {
        StringBuilder out = new StringBuilder();
        append(out, value);
        return out.toString();
    }

    private static void append(StringBuilder out, Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Map<?, ?> map) {
            Map<String, Object> sorted = new TreeMap<>();
            map.forEach((k, v) -> sorted.put((String) k, v));
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, Object> e : sorted.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                string(out, e.getKey());
                out.append(':');
                append(out, e.getValue());
            }
            out.append('}');
        } else if (value instanceof Record record) {
            out.append('{');
            boolean first = true;
            for (Component component : COMPONENTS.get(record.getClass())) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                string(out, component.name());
                out.append(':');
                append(out, component.of(record));
            }
            out.append('}');
        } else if (value instanceof Collection<?> list) {
            out.append('[');
            boolean first = true;
            for (Object item : list) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                append(out, item);
            }
            out.append(']');
        } else if (value instanceof BigDecimal decimal) {
            string(out, decimal.toPlainString());
        } else if (value instanceof Number && !(value instanceof Integer || value instanceof Long)) {
            // Floating point has no place in a fingerprint: only exact numbers are written.
            throw new IllegalArgumentException("not an exact number: " + value.getClass().getSimpleName());
        } else if (value instanceof Enum<?> e) {
            string(out, e.name());
        } else {
            string(out, value.toString());
        }
    }

    /** A string value (or null) as {@link #write} writes it. */
    static void value(StringBuilder out, String s) {
        if (s == null) {
            out.append("null");
        } else {
            string(out, s);
        }
    }

    private static void string(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
