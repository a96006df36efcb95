package org.hotcell.runtime.osgi;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * FileInstall's messages (a plugin jar it cannot install or start) sent to SLF4J. FileInstall prints to standard
 * output unless told to use java.util.logging ({@code felix.fileinstall.log.default=jul}), and then writes to the
 * JUL logger {@code fileinstall}; this handler takes that logger's records, and nothing reaches JUL's console.
 *
 * <p>FileInstall says nothing about a file it cannot read as a bundle (a corrupt jar, a plain jar): it leaves it
 * aside and tries again on every poll. {@link #skipReason} tells why it will, for the host to report.
 */
final class FileInstallLog extends Handler {
    /** FileInstall's JUL logger; held here, since JUL keeps only weak references to its loggers. */
    private static final java.util.logging.Logger FILEINSTALL = java.util.logging.Logger.getLogger("fileinstall");
    private static final Logger LOG = LoggerFactory.getLogger("org.hotcell.osgi.fileinstall");

    /** Where a record goes: a level, the text and the cause, if any. */
    interface Sink {
        void log(Level level, String message, Throwable cause);
    }

    private final Sink sink;

    FileInstallLog(Sink sink) {
        this.sink = sink;
    }

    /** Routes the {@code fileinstall} JUL logger to SLF4J (once per JVM; later calls change nothing). */
    static synchronized void install() {
        for (Handler handler : FILEINSTALL.getHandlers()) {
            if (handler instanceof FileInstallLog) {
                return;
            }
        }
        FILEINSTALL.setUseParentHandlers(false);
        FILEINSTALL.addHandler(new FileInstallLog((level, message, cause) -> LOG.atLevel(level).setCause(cause)
                .log(message)));
    }

    /**
     * Why FileInstall passes over {@code jar} without a word, or empty if it can install it. FileInstall installs a
     * file that opens as a jar whose manifest has a {@code Bundle-SymbolicName}; for any other it logs nothing.
     */
    static Optional<String> skipReason(Path jar) {
        try (JarFile file = new JarFile(jar.toFile(), false)) {
            Manifest manifest = file.getManifest();
            if (manifest == null) {
                return Optional.of("it has no META-INF/MANIFEST.MF, so it is no OSGi bundle");
            }
            if (manifest.getMainAttributes().getValue("Bundle-SymbolicName") == null) {
                return Optional.of("its manifest has no Bundle-SymbolicName, so it is no OSGi bundle");
            }
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.of("it is not a readable jar (" + e.getMessage() + ")");
        }
    }

    @Override
    public void publish(LogRecord record) {
        if (record != null) {
            sink.log(levelOf(record.getLevel()), record.getMessage(), record.getThrown());
        }
    }

    /** JUL's SEVERE, WARNING and INFO as SLF4J's ERROR, WARN and INFO; finer levels are DEBUG. */
    static Level levelOf(java.util.logging.Level level) {
        int value = level.intValue();
        if (value >= java.util.logging.Level.SEVERE.intValue()) {
            return Level.ERROR;
        }
        if (value >= java.util.logging.Level.WARNING.intValue()) {
            return Level.WARN;
        }
        return value >= java.util.logging.Level.INFO.intValue() ? Level.INFO : Level.DEBUG;
    }

    @Override
    public void flush() {
        // Nothing is buffered.
    }

    @Override
    public void close() {
        // Nothing to release.
    }
}
