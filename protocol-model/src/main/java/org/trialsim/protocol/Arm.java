package org.trialsim.protocol;

/**
 * A treatment arm: an alternative pathway that an allocation node can send a patient to.
 *
 * @param label       readable name
 * @param description what the arm gives
 */
public record Arm(String label, String description) {
}
