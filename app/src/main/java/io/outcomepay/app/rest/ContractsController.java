package io.outcomepay.app.rest;

import io.outcomepay.analytics.baselines.BaselineCatalog;
import io.outcomepay.analytics.contracts.ContractCatalog;
import io.outcomepay.app.contract.ContractYaml;
import io.outcomepay.billing.contract.application.DefiningContract;
import io.outcomepay.billing.VersionOutcome;
import io.outcomepay.billing.contract.api.ContractDefinition;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.InputStream;
import java.util.List;

/** Contracts (YAML in, JSON out) and the baseline tables they refer to. */
@RestController
@RequestMapping("/api")
public class ContractsController {

    private final DefiningContract defining;
    private final ContractCatalog contracts;
    private final BaselineCatalog baselines;

    public ContractsController(DefiningContract defining, ContractCatalog contracts, BaselineCatalog baselines) {
        this.defining = defining;
        this.contracts = contracts;
        this.baselines = baselines;
    }

    @PostMapping(path = "/contracts", consumes = {"application/yaml", "text/yaml", "text/plain"})
    public ContractVersionResponse create(InputStream yaml) {
        ContractDefinition definition = ContractYaml.read(yaml, "request body");
        return new ContractVersionResponse(definition.contractId(), defining.create(definition));
    }

    @PostMapping(path = "/contracts/{contractId}/versions", consumes = {"application/yaml", "text/yaml", "text/plain"})
    public ContractVersionResponse amend(@PathVariable String contractId, InputStream yaml) {
        ContractDefinition definition = ContractYaml.read(yaml, "request body");
        if (!definition.contractId().equals(contractId)) {
            throw new IllegalArgumentException("request body: id " + definition.contractId() + " is not " + contractId);
        }
        return new ContractVersionResponse(contractId, defining.amend(definition));
    }

    @GetMapping("/contracts")
    public List<String> list() {
        return contracts.contractIds();
    }

    @GetMapping("/contracts/{contractId}")
    public List<ContractCatalog.Version> versions(@PathVariable String contractId) {
        List<ContractCatalog.Version> versions = contracts.versions(contractId);
        if (versions.isEmpty()) {
            throw new ApiErrors.NotFound("no contract " + contractId);
        }
        return versions;
    }

    @GetMapping("/baselines")
    public List<BaselineCatalog.TableVersion> baselines() {
        return baselines.tables();
    }

    public record ContractVersionResponse(String contractId, VersionOutcome outcome) {
    }
}
