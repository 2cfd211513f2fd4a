package io.outcomepay.app.rest;

import io.outcomepay.app.config.Months;
import io.outcomepay.analytics.encounters.EncounterQueries;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** A hospital's month at a glance, for finance teams reconciling it. */
@RestController
@RequestMapping("/api/hospitals")
public class HospitalsController {

    private final EncounterQueries queries;

    public HospitalsController(EncounterQueries queries) {
        this.queries = queries;
    }

    /** Encounters discharged in the month: counts and totals (voided ones counted apart), per currency. */
    @GetMapping("/{hospitalId}/summary")
    public List<EncounterQueries.HospitalMonth> summary(@PathVariable String hospitalId, @RequestParam String period) {
        return queries.hospitalMonth(hospitalId, Months.parse("period:", period));
    }
}
