package org.chainwise.api.service.demo;

import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.chainwise.api.service.PracticeEngine;
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
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private final DatabaseSettings settings;
    private final DatabaseStartup database;
    private final PracticeEngine engine;
    private final DemoCourse demo;

    DemoCourseOnStartup(DatabaseSettings settings, DatabaseStartup database, PracticeEngine engine, DemoCourse demo) {
        this.settings = settings;
        this.database = database;
        this.engine = engine;
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
                // The seed grades with the practice engine, which warms up on its own thread at start-up.
                engine.parts();
                long start = System.nanoTime();
                long cpuStart = CPU.getCurrentThreadCpuTime();
                DemoCourse.Seeded seeded = demo.seed();
                if (seeded.created()) {
                    // The CPU time of this thread too: on a busy machine the wall time says more about the neighbours.
                    LOG.info("Seeded the demo course \"{}\" (course {}) in {} ms ({} ms of CPU on this thread)",
                            DemoCourse.TITLE, seeded.courseId(), (System.nanoTime() - start) / 1_000_000,
                            (CPU.getCurrentThreadCpuTime() - cpuStart) / 1_000_000);
                }
            } catch (RuntimeException e) {
                // The demo is a convenience: the application serves without it.
                LOG.warn("Could not seed the demo course: {}", e.toString());
            }
        });
    }
}
