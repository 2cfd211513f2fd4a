package io.outcomepay.app.rest;

import io.outcomepay.app.config.Months;
import io.outcomepay.analytics.settlements.VendorRevenue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;


/** What vendors track: their revenue per hospital and month. */
@RestController
@RequestMapping("/api/vendors")
public class VendorsController {

    private final VendorRevenue revenue;

    public VendorsController(VendorRevenue revenue) {
        this.revenue = revenue;
    }

    /** The vendor's share in the latest revision of every settled month from..to (inclusive). */
    @GetMapping("/{vendorId}/revenue")
    public VendorRevenue.Report revenue(@PathVariable String vendorId, @RequestParam String from, @RequestParam String to) {
        return revenue.revenue(vendorId, Months.parse("from:", from), Months.parse("to:", to));
    }
}
