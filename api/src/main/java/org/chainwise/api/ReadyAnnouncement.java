package org.chainwise.api;

import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import org.chainwise.api.store.DatabaseStartup;

/** Tells the person who started the server where to open it, once the server and the database both answer. */
@Singleton
class ReadyAnnouncement {

    private final DatabaseStartup database;

    ReadyAnnouncement(DatabaseStartup database) {
        this.database = database;
    }

    @EventListener
    void onStartup(ServerStartupEvent event) {
        // Throws, and so fails the start, when the database could not be brought up.
        database.dataSource();
        // Standard output on purpose: this line is for the person at the terminal, not for the logs.
        System.out.println("Chainwise is ready: " + event.getSource().getURL() + "/");
    }
}
