package org.chainwise.api.lti;

import io.micronaut.context.ApplicationContext;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.chainwise.api.lti.LtiRegistration.Registered;
import org.chainwise.api.store.DatabaseSettingException;

/**
 * {@code java -jar chainwise.jar lti <command>}: registers platforms and rotates the tool's key
 * from a shell, on the database the application uses (same settings), without starting the HTTP
 * server. Commands: {@code register}, {@code add-deployment}, {@code list}, {@code rotate-key},
 * {@code config}. Exit status 0 on success, 2 for a bad command line or database setting.
 */
public final class LtiCommand {

    public static final int OK = 0;
    public static final int USAGE = 2;

    static final String HELP = """
            usage: java -jar chainwise.jar lti <command> [options]
              register        --issuer URL --client-id ID --auth-url URL --token-url URL --jwks-url URL
                              [--deployment ID]... [--learn-deployments]
              add-deployment  --issuer URL --client-id ID --deployment ID
              list
              rotate-key      [--overlap-hours N]   (default 168: the old key stays published a week)
              config          the URLs an LMS administrator enters (set CHAINWISE_PUBLIC_URL first)
            """;

    private LtiCommand() {
    }

    /** A command line that cannot be run as given. */
    private static final class Usage extends RuntimeException {
        Usage(String message) {
            super(message, null, false, false);
        }
    }

    /** Runs the command in {@code args} (after "lti") with extra application properties; returns the exit status. */
    public static int run(List<String> args, Map<String, Object> properties, PrintStream out, PrintStream err) {
        if (args.isEmpty() || args.contains("--help")) {
            (args.isEmpty() ? err : out).print(HELP);
            return args.isEmpty() ? USAGE : OK;
        }
        Map<String, List<String>> options;
        try {
            options = options(args.subList(1, args.size()));
        } catch (Usage e) {
            err.println("chainwise lti: " + e.getMessage());
            err.print(HELP);
            return USAGE;
        }
        try (ApplicationContext context = ApplicationContext.builder().properties(properties).start()) {
            return switch (args.getFirst()) {
                case "register" -> register(context, options, out);
                case "add-deployment" -> addDeployment(context, options, out);
                case "list" -> list(context, out);
                case "rotate-key" -> rotate(context, options, out);
                case "config" -> config(context, out);
                default -> {
                    err.println("chainwise lti: unknown command '" + args.getFirst() + "'");
                    err.print(HELP);
                    yield USAGE;
                }
            };
        } catch (PlatformRegistration.InvalidRegistration | Usage e) {
            err.println("chainwise lti: " + e.getMessage());
            return USAGE;
        } catch (RuntimeException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof DatabaseSettingException bad) {
                    err.println("chainwise: " + bad.getMessage());
                    return USAGE;
                }
            }
            throw e;
        }
    }

    private static int register(ApplicationContext context, Map<String, List<String>> options, PrintStream out) {
        PlatformRegistration registration = new PlatformRegistration(one(options, "issuer"), one(options, "client-id"),
                PlatformRegistration.url("--auth-url", one(options, "auth-url")),
                PlatformRegistration.url("--token-url", one(options, "token-url")),
                PlatformRegistration.url("--jwks-url", one(options, "jwks-url")),
                options.getOrDefault("deployment", List.of()), options.containsKey("learn-deployments"));
        Registered registered = context.getBean(LtiRegistration.class).register(registration);
        out.println("Registered " + describe(registered));
        return OK;
    }

    private static int addDeployment(ApplicationContext context, Map<String, List<String>> options, PrintStream out) {
        LtiRegistration registration = context.getBean(LtiRegistration.class);
        String issuer = one(options, "issuer");
        String clientId = one(options, "client-id");
        Registered platform = registration.all().stream()
                .filter(r -> r.platform().issuer().equals(issuer) && r.platform().clientId().equals(clientId))
                .findFirst()
                .orElseThrow(() -> new Usage("no platform " + issuer + " with client id " + clientId
                        + " is registered; register it first"));
        out.println("Updated " + describe(registration.addDeployment(platform.platform().id(), one(options, "deployment"))));
        return OK;
    }

    private static int list(ApplicationContext context, PrintStream out) {
        List<Registered> all = context.getBean(LtiRegistration.class).all();
        if (all.isEmpty()) {
            out.println("No platform is registered.");
        }
        all.forEach(r -> out.println(describe(r)));
        return OK;
    }

    private static int rotate(ApplicationContext context, Map<String, List<String>> options, PrintStream out) {
        long hours = Optional.ofNullable(options.get("overlap-hours")).map(v -> parseHours(v.getFirst()))
                .orElse(ToolKeys.DEFAULT_OVERLAP.toHours());
        ToolKeys.Rotation rotation = context.getBean(ToolKeys.class).rotate(Duration.ofHours(hours));
        out.println("Signing key is now " + rotation.currentKid()
                + (rotation.retiredKid() == null ? "" : "; " + rotation.retiredKid() + " stays published until "
                + rotation.retiredPublishedUntil()));
        return OK;
    }

    private static int config(ApplicationContext context, PrintStream out) {
        ToolUrls urls = context.getBean(ToolUrls.class);
        URI base = urls.configured().orElse(URI.create("http://localhost:8080"));
        if (urls.configured().isEmpty()) {
            out.println("(CHAINWISE_PUBLIC_URL is not set: showing http://localhost:8080)");
        }
        out.println("Login initiation URL (OIDC login):    " + urls.login(base));
        out.println("Redirect URI / launch URL:            " + urls.launch(base));
        out.println("Target link URI (tool URL):           " + urls.launch(base));
        out.println("Deep linking URL (content selection): " + urls.deepLink(base));
        out.println("Public keyset URL (JWKS):             " + urls.jwks(base));
        out.println("Scopes: " + String.join(" ", LtiClaims.SCOPE_LINE_ITEM, LtiClaims.SCOPE_SCORE,
                LtiClaims.SCOPE_RESULT_READONLY, LtiClaims.SCOPE_MEMBERSHIPS));
        return OK;
    }

    private static String describe(Registered r) {
        Platform p = r.platform();
        return p.issuer() + " (client id " + p.clientId() + ", platform id " + p.id() + "): auth " + p.authLoginUrl()
                + ", token " + p.authTokenUrl() + ", JWKS " + p.jwksUrl() + ", deployments " + r.deploymentIds()
                + (p.learnDeployments() ? " (more are learned from launches)" : "");
    }

    private static long parseHours(String text) {
        try {
            long hours = Long.parseLong(text);
            if (hours >= 0 && hours <= 24 * 365) {
                return hours;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new Usage("--overlap-hours must be a whole number of hours from 0 to 8760, not '"
                + text + "'");
    }

    private static String one(Map<String, List<String>> options, String name) {
        List<String> values = options.get(name);
        if (values == null || values.isEmpty() || values.getFirst().isBlank()) {
            throw new Usage("--" + name + " is required");
        }
        return values.getFirst();
    }

    /** {@code --name value} pairs ({@code --learn-deployments} takes none); a name may repeat. */
    private static Map<String, List<String>> options(List<String> args) {
        Map<String, List<String>> options = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                throw new Usage("unexpected '" + arg + "'");
            }
            String name = arg.substring(2);
            if (name.equals("learn-deployments")) {
                options.put(name, List.of("true"));
                continue;
            }
            if (i + 1 >= args.size()) {
                throw new Usage(arg + " needs a value");
            }
            options.computeIfAbsent(name, k -> new ArrayList<>()).add(args.get(++i));
        }
        return options;
    }
}
