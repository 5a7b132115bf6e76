package org.chainwise.api.store;

/** A database setting (named in the message) that the application cannot use; the message is one line. */
public final class DatabaseSettingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DatabaseSettingException(String setting, String problem) {
        super(setting + " " + problem);
    }
}
