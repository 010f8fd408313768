package org.trialsim.simulator.run;

/**
 * A valid protocol that a run cannot simulate as asked: for example a trial that cannot find enough
 * eligible patients among those presenting, or a run that needs more memory than the JVM may use. The
 * message is written for the user: it names what is wrong and what to change.
 */
public class SimulationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** An exception with a message for the user. */
    public SimulationException(String message) {
        super(message);
    }
}
