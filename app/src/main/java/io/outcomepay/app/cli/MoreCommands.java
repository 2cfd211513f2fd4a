package io.outcomepay.app.cli;

import java.util.List;

/**
 * Commands that live outside the application's code (the benchmarks of the bench module): found
 * on the class path by ServiceLoader and listed after the application's own commands.
 */
public interface MoreCommands {

    /** picocli command objects (annotated with @Command). */
    List<Object> commands();
}
