package org.chainwise.reports.bench;

import java.io.PrintStream;
import java.util.Arrays;

/** {@code java -jar chainwise-reports.jar bench [options]}: see {@link ReportBench#USAGE}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || !args[0].equals("bench")) {
            err.println("usage: " + ReportBench.USAGE);
            return 2;
        }
        ReportBench.Options options;
        try {
            options = ReportBench.Options.parse(Arrays.copyOfRange(args, 1, args.length));
        } catch (IllegalArgumentException e) {
            err.println("bench: " + e.getMessage());
            err.println("usage: " + ReportBench.USAGE);
            return 2;
        }
        try {
            new ReportBench(options, out).run();
            return 0;
        } catch (Exception e) {
            err.println("bench: " + e);
            e.printStackTrace(err);
            return 1;
        }
    }
}
