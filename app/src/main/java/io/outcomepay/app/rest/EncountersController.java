package io.outcomepay.app.rest;

import io.outcomepay.analytics.encounters.EncounterQueries;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;

/** Encounters for finance teams and auditors: their latest state, filtered and paged. */
@RestController
@RequestMapping("/api/encounters")
public class EncountersController {

    private final EncounterQueries queries;

    public EncountersController(EncounterQueries queries) {
        this.queries = queries;
    }

    /** Filters are optional; from/to are discharge dates (inclusive); pages count from 0. */
    @GetMapping
    public EncounterQueries.Page encounters(@RequestParam(required = false) String hospital,
                                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                            @RequestParam(required = false) Boolean aiAssisted,
                                            @RequestParam(required = false) Boolean voided,
                                            @RequestParam(defaultValue = "0") int page,
                                            @RequestParam(defaultValue = "100") int size) {
        return queries.page(new EncounterQueries.Filter(hospital, from, to, aiAssisted, voided), page, size);
    }
}
