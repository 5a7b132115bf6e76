package org.chainwise.engine.cli;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.chainwise.engine.mastery.sim.BenchSelectCommand;
import org.chainwise.engine.mastery.sim.SimulateCommand;

/** Entry point of {@code chainwise-engine.jar}: {@code java -jar chainwise-engine.jar <command> [arguments]}. */
public final class Main {

    private Main() {
    }

    /** The subcommands, by name. */
    static Map<String, Command> commands() {
        Map<String, Command> commands = new TreeMap<>();
        commands.put("grade", new GradeCommand());
        commands.put("bench", new BenchCommand());
        commands.put("simulate", new SimulateCommand());
        commands.put("bench-select", new BenchSelectCommand());
        return commands;
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args));
    }

    static int run(String[] args) throws Exception {
        Map<String, Command> commands = commands();
        if (args.length == 0 || !commands.containsKey(args[0])) {
            System.err.println(args.length == 0 ? "usage: java -jar chainwise-engine.jar <command>"
                    : "unknown command '" + args[0] + "'");
            commands.forEach((name, command) -> System.err.printf("  %-10s %s%n", name, command.summary()));
            return 2;
        }
        return commands.get(args[0]).run(List.of(args).subList(1, args.length), System.in, System.out, System.err);
    }
}
