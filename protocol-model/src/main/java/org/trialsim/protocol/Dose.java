package org.trialsim.protocol;

/**
 * The main agent of a block and its dose, for information.
 *
 * @param agent  e.g. blinatumomab
 * @param amount e.g. 15
 * @param unit   e.g. µg/m²/day
 */
public record Dose(String agent,
                   @Range(min = 0, max = 1e15, why = "shown for information only; any finite amount in the dose's unit") Double amount,
                   String unit) {
}
