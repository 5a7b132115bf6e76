package org.chainwise.api;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.chainwise.api.lti.LtiCommand;

/**
 * Starts the Chainwise api (database, migrations, then the HTTP server); or, given a command as the
 * first argument, runs it on the application's database and exits without serving:
 * {@code report} writes one course's report (see {@link ReportCommand}), {@code lti} registers
 * platforms and rotates keys (see {@link LtiCommand}).
 */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && "report".equals(args[0])) {
            System.exit(ReportCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        if (args.length > 0 && "lti".equals(args[0])) {
            System.exit(LtiCommand.run(List.of(args).subList(1, args.length), Map.of(), System.out, System.err));
        }
        new Launcher().mainClass(Application.class).banner(false).args(args).start();
    }
}
