package org.chainwise.api;

import java.util.List;
import java.util.Map;
import org.chainwise.api.lti.LtiCommand;

/** Starts the Chainwise api (database, migrations, then the HTTP server), or runs {@code lti <command>} (see {@link LtiCommand}). */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && "lti".equals(args[0])) {
            System.exit(LtiCommand.run(List.of(args).subList(1, args.length), Map.of(), System.out, System.err));
        }
        new Launcher().mainClass(Application.class).banner(false).args(args).start();
    }
}
