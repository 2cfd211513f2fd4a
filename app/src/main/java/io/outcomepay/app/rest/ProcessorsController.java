package io.outcomepay.app.rest;

import io.outcomepay.analytics.processing.ParkedEvents;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Events the read models have parked: listed, retried after a fix, evicted (as `processors dead-letters`). */
@RestController
@RequestMapping("/api/processors/dead-letters")
public class ProcessorsController {

    private final ParkedEvents parked;

    public ProcessorsController(ParkedEvents parked) {
        this.parked = parked;
    }

    @GetMapping
    public List<ParkedEvents.Parked> list(@RequestParam(required = false) String processor,
                                          @RequestParam(defaultValue = "1000") int limit) {
        return parked.list(processor, limit);
    }

    /** Retries the sequences starting with the ids given (default: every parked sequence of the processor, or of all). */
    @PostMapping("/retry")
    public ParkedEvents.Retried retry(@RequestParam(required = false) String processor,
                                      @RequestParam(required = false) List<String> id) {
        return parked.retry(processor, id == null ? List.of() : id);
    }

    @PostMapping("/{id}/evict")
    public ParkedEvents.Parked evict(@PathVariable String id) {
        return parked.evict(id);
    }
}
