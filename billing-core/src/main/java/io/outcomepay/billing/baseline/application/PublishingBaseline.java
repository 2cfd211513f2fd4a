package io.outcomepay.billing.baseline.application;

import io.outcomepay.billing.VersionOutcome;
import io.outcomepay.billing.baseline.api.BaselineCommands.PublishBaselineTable;
import org.axonframework.commandhandling.gateway.CommandGateway;

/**
 * Publishing a baseline table (DRG weights, DIP scores): a new version of the table, or nothing
 * when the same rows are already its latest version.
 */
public class PublishingBaseline {

    private final CommandGateway commands;

    public PublishingBaseline(CommandGateway commands) {
        this.commands = commands;
    }

    public VersionOutcome publish(PublishBaselineTable table) {
        return commands.sendAndWait(table);
    }
}
