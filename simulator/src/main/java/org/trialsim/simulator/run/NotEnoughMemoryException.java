package org.trialsim.simulator.run;

import java.util.Locale;

/**
 * A run needs more memory than the JVM may use; raised before the run starts, so no time is lost.
 */
public final class NotEnoughMemoryException extends SimulationException {
    private static final long serialVersionUID = 1L;
    private static final long MB = 1 << 20;

    private final long needed;
    private final long available;

    /**
     * @param what      what needs the memory, e.g. "this trial (670 patients a replicate, 2 threads)"
     * @param needed    bytes needed at least
     * @param available bytes the JVM may use
     */
    public NotEnoughMemoryException(String what, long needed, long available) {
        super(String.format(Locale.ROOT, "%s needs about %,d MB of memory, and this JVM may use %,d MB; give it more"
                + " (e.g. TRIALSIM_JAVA_OPTS=-Xmx%dm) or use fewer threads", what, needed / MB, available / MB,
                Math.max(256, 2 * needed / MB)));
        this.needed = needed;
        this.available = available;
    }

    /** The bytes the run needs at least. */
    public long needed() {
        return needed;
    }

    /** The bytes the JVM may use. */
    public long available() {
        return available;
    }
}
