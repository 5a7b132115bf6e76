package org.chainwise.api;

import io.micronaut.context.env.Environment;
import io.micronaut.runtime.Micronaut;
import org.chainwise.api.store.DatabaseSettingException;

/**
 * Micronaut's launcher, except that a database setting that cannot be used ends the process
 * with one line naming the setting instead of a stack trace.
 */
final class Launcher extends Micronaut {

    /** The exit status for a database setting that cannot be used. */
    static final int BAD_DATABASE_SETTING = 2;

    @Override
    protected void handleStartupException(Environment environment, Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof DatabaseSettingException bad) {
                System.err.println("chainwise: " + bad.getMessage());
                System.exit(BAD_DATABASE_SETTING);
            }
        }
        super.handleStartupException(environment, exception);
    }
}
