package org.lightbox.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.util.FileSize;
import java.nio.file.Path;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * Sends the log to the data folder's {@code logs/}, rotated and capped, as soon as the command line
 * has said which folder that is. Until then (and for {@code --help}) the terminal gets warnings only
 * ({@link Terminal}). The one class that knows the backend is logback: everything else logs through
 * SLF4J. Configured in code rather than in logback XML: parsing the XML loaded some 260 more classes
 * at every start, about a tenth of a second of it.
 */
final class LogFiles {
    static final String FILE_NAME = "lightbox.log";
    private static final String TERMINAL_PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{30} - %msg%n";

    private LogFiles() {
    }

    /** Logs into {@code folder}'s logs/ from now on (again, if the folder changes); returns the current log file. */
    static Path writeInto(DataFolder folder) {
        Path file = folder.logs().resolve(FILE_NAME);
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (!(factory instanceof LoggerContext context)) {
            return file;
        }
        context.reset();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(rollingFile(context, folder.logs()));
        root.addAppender(terminal(context, true)); // the terminal keeps getting only what needs attention
        quietPixelMed(context);
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

    /** A new file each day or at 10 MB, gzipped; a month of them, never more than 200 MB in all. */
    private static RollingFileAppender<ILoggingEvent> rollingFile(LoggerContext context, Path logs) {
        RollingFileAppender<ILoggingEvent> file = new RollingFileAppender<>();
        file.setContext(context);
        file.setName("FILE");
        file.setFile(logs.resolve(FILE_NAME).toString());
        SizeAndTimeBasedRollingPolicy<ILoggingEvent> rolling = new SizeAndTimeBasedRollingPolicy<>();
        rolling.setContext(context);
        rolling.setParent(file);
        rolling.setFileNamePattern(logs.resolve("lightbox-%d{yyyy-MM-dd}.%i.log.gz").toString());
        rolling.setMaxFileSize(FileSize.valueOf("10MB"));
        rolling.setMaxHistory(30);
        rolling.setTotalSizeCap(FileSize.valueOf("200MB"));
        rolling.start();
        file.setRollingPolicy(rolling);
        file.setEncoder(encoder(context, "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n"));
        file.start();
        return file;
    }

    /** @param warningsOnly whether the appender itself lets only warnings and errors through */
    private static ConsoleAppender<ILoggingEvent> terminal(LoggerContext context, boolean warningsOnly) {
        ConsoleAppender<ILoggingEvent> terminal = new ConsoleAppender<>();
        terminal.setContext(context);
        terminal.setName("STDERR");
        terminal.setTarget("System.err");
        if (warningsOnly) {
            ThresholdFilter warnings = new ThresholdFilter();
            warnings.setLevel("WARN");
            warnings.start();
            terminal.addFilter(warnings);
        }
        terminal.setEncoder(encoder(context, TERMINAL_PATTERN));
        terminal.start();
        return terminal;
    }

    private static PatternLayoutEncoder encoder(LoggerContext context, String pattern) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(pattern);
        encoder.start();
        return encoder;
    }

    /** PixelMed reports every oddity of every file it parses at DEBUG/ERROR; our own messages say what matters. */
    private static void quietPixelMed(LoggerContext context) {
        context.getLogger("com.pixelmed").setLevel(Level.OFF);
    }

    /**
     * The start-up configuration, until the command line names the data folder: warnings to the
     * terminal. Logback finds it through {@code META-INF/services} before it would look for XML.
     */
    @ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
    public static final class Terminal extends ContextAwareBase implements Configurator {
        @Override
        public ExecutionStatus configure(LoggerContext context) {
            Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
            root.setLevel(Level.WARN);
            root.addAppender(terminal(context, false));
            quietPixelMed(context);
            return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
        }
    }
}
