package io.outcomepay.claims.x12;

import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamEvent;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamReader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an X12 interchange segment by segment with StAEDI, whatever its delimiters: each segment
 * as its tag, its number (ISA = 1) and its elements (a composite's components joined by ':').
 */
final class X12Segments implements AutoCloseable {

    /** One segment; elements are 1-based as in the X12 guides. */
    record Segment(String tag, int number, List<String> elements) {
        String at(int position) {
            return position <= elements.size() ? elements.get(position - 1).strip() : "";
        }

        /** The component (1-based) of a composite element, or "". */
        String component(int position, int component) {
            String[] parts = at(position).split(":", -1);
            return component <= parts.length ? parts[component - 1].strip() : "";
        }

        String text() {
            return tag + "*" + String.join("*", elements);
        }
    }

    private final String sourceName;
    private final EDIStreamReader edi;

    X12Segments(String sourceName, InputStream in) {
        this.sourceName = sourceName;
        this.edi = EDIInputFactory.newFactory().createEDIStreamReader(in);
    }

    /** The next segment, or null at the end of the interchange. */
    Segment next() {
        try {
            String tag = null;
            int number = 0;
            List<String> elements = new ArrayList<>();
            while (edi.hasNext()) {
                EDIStreamEvent event = edi.next();
                switch (event) {
                    case START_SEGMENT -> {
                        tag = edi.getText();
                        number = edi.getLocation().getSegmentPosition();
                        elements.clear();
                    }
                    case ELEMENT_DATA -> {
                        int position = edi.getLocation().getElementPosition();
                        int component = edi.getLocation().getComponentPosition();
                        while (elements.size() < position) {
                            elements.add("");
                        }
                        String text = edi.getText() == null ? "" : edi.getText();
                        elements.set(position - 1, component > 1 ? elements.get(position - 1) + ":" + text : text);
                    }
                    case END_SEGMENT -> {
                        return new Segment(tag, number, List.copyOf(elements));
                    }
                    default -> {
                        // envelope, loop and validation events: the segments carry what is needed
                    }
                }
            }
            return null;
        } catch (EDIStreamException e) {
            throw new IllegalArgumentException(sourceName + " is not valid X12 near segment "
                    + edi.getLocation().getSegmentPosition() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            edi.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
