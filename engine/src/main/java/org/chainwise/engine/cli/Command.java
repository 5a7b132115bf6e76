package org.chainwise.engine.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;

/** One subcommand of the engine jar, such as {@code grade}. */
public interface Command {

    /** Runs with the arguments after the subcommand's name; returns the process exit code. */
    int run(List<String> arguments, InputStream in, PrintStream out, PrintStream err) throws Exception;

    /** One line for the usage text. */
    String summary();
}
