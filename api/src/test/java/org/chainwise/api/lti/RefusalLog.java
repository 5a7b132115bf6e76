package org.chainwise.api.lti;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.chainwise.api.lti.web.LaunchRefusedHandler;
import org.slf4j.LoggerFactory;

/** The log lines of refused LTI requests, captured from the refusal logger while a test runs. */
final class RefusalLog implements AutoCloseable {

    private final Logger logger = (Logger) LoggerFactory.getLogger(LaunchRefusedHandler.LOGGER);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    RefusalLog() {
        appender.start();
        logger.addAppender(appender);
    }

    List<String> lines() {
        return appender.list.stream().map(e -> e.getLevel() + " " + e.getFormattedMessage()).toList();
    }

    void clear() {
        appender.list.clear();
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        appender.stop();
    }
}
