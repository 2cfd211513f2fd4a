package io.outcomepay.bench;

import io.outcomepay.app.cli.MoreCommands;

import java.util.List;

/** `outcomepay bench ...`, added to the command line by ServiceLoader. */
public class BenchCommands implements MoreCommands {

    @Override
    public List<Object> commands() {
        return List.of(new BenchCommand());
    }
}
