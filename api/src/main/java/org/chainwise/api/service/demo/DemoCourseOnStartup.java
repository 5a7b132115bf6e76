package org.chainwise.api.service.demo;

import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.chainwise.api.store.DatabaseSettings;
import org.chainwise.api.store.DatabaseStartup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seeds the {@link DemoCourse} when the application runs on its embedded database (nothing configured),
 * so that a newcomer signs in to a course with history at once. It runs on its own thread once the
 * database is up, never on a request; a configured database is never seeded.
 */
@Singleton
class DemoCourseOnStartup {

    private static final Logger LOG = LoggerFactory.getLogger(DemoCourseOnStartup.class);

    private final DatabaseSettings settings;
    private final DatabaseStartup database;
    private final DemoCourse demo;

    DemoCourseOnStartup(DatabaseSettings settings, DatabaseStartup database, DemoCourse demo) {
        this.settings = settings;
        this.database = database;
        this.demo = demo;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        if (settings.configured().isPresent()) {
            return;
        }
        Thread.ofPlatform().name("demo-course-seed").daemon(true).start(() -> {
            try {
                database.dataSource();
                long start = System.nanoTime();
                DemoCourse.Seeded seeded = demo.seed();
                if (seeded.created()) {
                    LOG.info("Seeded the demo course \"{}\" (course {}) in {} ms", DemoCourse.TITLE, seeded.courseId(),
                            (System.nanoTime() - start) / 1_000_000);
                }
            } catch (RuntimeException e) {
                // The demo is a convenience: the application serves without it.
                LOG.warn("Could not seed the demo course: {}", e.toString());
            }
        });
    }
}
