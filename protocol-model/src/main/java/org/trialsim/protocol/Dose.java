package org.trialsim.protocol;

/**
 * The main agent of a block and its dose, for information.
 *
 * @param agent  e.g. blinatumomab
 * @param amount e.g. 15
 * @param unit   e.g. µg/m²/day
 */
public record Dose(String agent, Double amount, String unit) {
}
