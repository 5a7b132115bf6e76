package org.chainwise.api;

/**
 * Starts the Chainwise api: database, migrations, then the HTTP server; or, given {@code report} as
 * the first argument, writes one course's report and exits without serving (see {@link ReportCommand}).
 */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("report")) {
            System.exit(ReportCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        new Launcher().mainClass(Application.class).banner(false).args(args).start();
    }
}
