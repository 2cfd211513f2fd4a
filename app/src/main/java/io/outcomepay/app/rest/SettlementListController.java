package io.outcomepay.app.rest;

import io.outcomepay.app.config.Months;
import io.outcomepay.analytics.settlements.SettlementListing;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Settled months at a glance: the latest revision of each, with its totals and fingerprint. */
@RestController
public class SettlementListController {

    private final SettlementListing listing;

    public SettlementListController(SettlementListing listing) {
        this.listing = listing;
    }

    @GetMapping("/api/settlements")
    public List<SettlementListing.Settlement> settlements(@RequestParam(required = false) String contract,
                                                          @RequestParam(required = false) String from,
                                                          @RequestParam(required = false) String to) {
        return listing.latest(contract, Months.parse("from:", from), Months.parse("to:", to));
    }
}
