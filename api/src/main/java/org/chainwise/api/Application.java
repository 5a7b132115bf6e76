package org.chainwise.api;

/** Starts the Chainwise api: database, migrations, then the HTTP server. */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        new Launcher().mainClass(Application.class).banner(false).args(args).start();
    }
}
