package org.trialsim.protocol;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version of trialsim, recorded in every result's provenance. */
public final class TrialsimVersion {
    private static final String VERSION = load();

    private TrialsimVersion() {
    }

    /** The version, e.g. 0.1.0-SNAPSHOT. */
    public static String get() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = TrialsimVersion.class.getResourceAsStream("version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
