package org.lightbox.app;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.core.joran.spi.JoranException;
import java.net.URL;
import java.nio.file.Path;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * Sends the log to the data folder's {@code logs/}, rotated and capped, as soon as the command line
 * has said which folder that is. Until then (and for {@code --help}) the terminal gets warnings only,
 * from {@code logback.xml}. The one class that knows the backend is logback: everything else logs
 * through SLF4J.
 */
final class LogFiles {
    static final String FILE_NAME = "lightbox.log";
    private static final String CONFIGURATION = "logback-data-folder.xml";

    private LogFiles() {
    }

    /** Logs into {@code folder}'s logs/ from now on (again, if the folder changes); returns the current log file. */
    static Path writeInto(DataFolder folder) {
        Path file = folder.logs().resolve(FILE_NAME);
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (!(factory instanceof LoggerContext context)) {
            return file;
        }
        URL configuration = LogFiles.class.getResource(CONFIGURATION);
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        context.reset();
        context.putProperty("LOG_DIR", folder.logs().toString());
        try {
            configurator.doConfigure(configuration);
        } catch (JoranException e) {
            // Logback has printed what is wrong with the file; the terminal still gets the messages.
            return file;
        }
        LoggerFactory.getLogger(LogFiles.class).info("Lightbox {} on Java {} ({}), data folder {}", VersionProvider.version(),
                System.getProperty("java.version"), System.getProperty("os.name"), folder.root());
        return file;
    }

    /** Back to the start-up configuration: for tests that pointed the log at a folder of their own. */
    static void reset() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.reset();
            try {
                new ContextInitializer(context).autoConfig();
            } catch (JoranException e) {
                throw new IllegalStateException("The start-up logging configuration does not load", e);
            }
        }
    }
}
